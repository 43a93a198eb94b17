package io.originwatch.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.List;

/** Text-to-value conversions that record a {@link ConfigError} instead of throwing. */
final class ConfigValues {

    private ConfigValues() {}

    static String quoted(String value) {
        return "\""
                + value.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t")
                + "\"";
    }

    /** Durations as Quarkus writes them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code PT30S}. */
    static Duration duration(String key, String text, Duration min, List<ConfigError> errors) {
        Duration d;
        try {
            d = DurationConverter.parseDuration(text.trim());
        } catch (RuntimeException e) {
            d = null;
        }
        if (d == null) {
            errors.add(new ConfigError(key, "not a duration (e.g. 30s, 500ms, 2m), got " + quoted(text)));
            return null;
        }
        if (d.compareTo(min) < 0) {
            errors.add(new ConfigError(key, "must be at least " + human(min) + ", got " + quoted(text)));
            return null;
        }
        return d;
    }

    static Integer integer(String key, String text, int min, int max, String unit, List<ConfigError> errors) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        errors.add(new ConfigError(
                key, "must be a whole number of " + unit + " from " + min + " to " + max + ", got " + quoted(text)));
        return null;
    }

    static Boolean bool(String key, String text, List<ConfigError> errors) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        errors.add(new ConfigError(key, "must be true or false, got " + quoted(text)));
        return null;
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
