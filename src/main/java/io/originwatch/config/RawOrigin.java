package io.originwatch.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An origin (or the defaults) as text, before validation, whatever its source: the application
 * config, the origins file or the lab.
 *
 * @param key     key prefix that error messages name, e.g. {@code originwatch.origins[2]}
 * @param values  single-valued keys to their text, absent keys left out
 * @param headers     request headers
 * @param labels      extra API labels
 * @param headerFiles request headers whose values are read from these files
 */
public record RawOrigin(
        String key,
        Map<OriginKey, String> values,
        Map<String, String> headers,
        Map<String, String> labels,
        Map<String, String> headerFiles) {

    public RawOrigin {
        EnumMap<OriginKey, String> v = new EnumMap<>(OriginKey.class);
        v.putAll(values);
        if (v.keySet().stream().anyMatch(k -> k.scope() == OriginKey.Scope.MAP)) {
            throw new IllegalArgumentException("headers, header-files and labels are maps, not values");
        }
        values = v;
        headers = new TreeMap<>(headers);
        labels = new TreeMap<>(labels);
        headerFiles = new TreeMap<>(headerFiles);
    }

    public RawOrigin(
            String key, Map<OriginKey, String> values, Map<String, String> headers, Map<String, String> labels) {
        this(key, values, headers, labels, Map.of());
    }

    /** The mapping's entry {@code entry} (an origin, or the defaults) under the key prefix {@code key}. */
    static RawOrigin of(String key, OriginDefaults entry) {
        Map<OriginKey, String> values = new EnumMap<>(OriginKey.class);
        for (OriginKey k : OriginKey.values()) {
            k.readFrom(entry).ifPresent(v -> values.put(k, v));
        }
        return new RawOrigin(key, values, entry.headers(), entry.labels(), entry.headerFiles());
    }

    public String value(OriginKey name) {
        return values.get(name);
    }

    /** The full key of one setting, e.g. {@code originwatch.origins[2].url}. */
    public String keyOf(OriginKey name) {
        return key + "." + name.text();
    }
}
