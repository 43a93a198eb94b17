package io.originwatch.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * An origin (or the defaults) as text, before validation, whatever its source: the application
 * config, the origins file or the lab.
 *
 * @param key     key prefix that error messages name, e.g. {@code originwatch.origins[2]}
 * @param values  kebab-case key (e.g. {@code connect-timeout}) to value, absent keys left out
 * @param headers request headers
 * @param labels  extra API labels
 */
public record RawOrigin(
        String key, Map<String, String> values, Map<String, String> headers, Map<String, String> labels) {

    public RawOrigin {
        values = new TreeMap<>(values);
        headers = new TreeMap<>(headers);
        labels = new TreeMap<>(labels);
    }

    public String value(String name) {
        return values.get(name);
    }

    /** The full key of one setting, e.g. {@code originwatch.origins[2].url}. */
    public String keyOf(String name) {
        return key + "." + name;
    }
}
