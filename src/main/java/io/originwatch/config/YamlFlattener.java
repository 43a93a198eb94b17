package io.originwatch.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens a loaded YAML document to config keys with the rules of SmallRye's YAML source
 * (smallrye-config-source-yaml 3.16), so the origins file is spelled as application.yaml: nested
 * keys joined with dots, a key holding a dot quoted ({@code labels."team.name"}), list items indexed
 * ({@code origins[0].url}), a list of scalars also joined with commas (commas in items escaped).
 */
final class YamlFlattener {

    private YamlFlattener() {}

    /** The flat keys of {@code document}; an empty or scalar document has none. */
    static Map<String, String> flatten(Object document) {
        Map<String, String> out = new TreeMap<>();
        if (document instanceof Map<?, ?> map) {
            map("", map, out);
        }
        return out;
    }

    private static void map(String prefix, Map<?, ?> map, Map<String, String> out) {
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.contains(".")) {
                key = "\"" + key + "\"";
            }
            value(prefix.isEmpty() ? key : prefix + "." + key, v, out);
        });
    }

    /** The flat keys of one value under {@code key} (as {@code origins[3]}), added to {@code out}. */
    static void flattenValue(String key, Object v, Map<String, String> out) {
        value(key, v, out);
    }

    private static void value(String key, Object v, Map<String, String> out) {
        if (v instanceof Map<?, ?> m) {
            map(key, m, out);
        } else if (v instanceof List<?> list) {
            joined(key, list, out);
            for (int i = 0; i < list.size(); i++) {
                value(key + "[" + i + "]", list.get(i), out);
            }
        } else if (v != null) {
            out.put(key, v.toString());
        }
    }

    /** Only a list of nothing but scalars has a joined value. */
    private static void joined(String key, List<?> list, Map<String, String> out) {
        StringBuilder sb = new StringBuilder();
        for (Object item : list) {
            if (item == null) {
                continue;
            }
            if (!(item instanceof String || item instanceof Boolean)) {
                return;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(item.toString().replace(",", "\\,"));
        }
        out.put(key, sb.toString());
    }
}
