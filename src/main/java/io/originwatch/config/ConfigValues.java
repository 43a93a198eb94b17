package io.originwatch.config;

import io.originwatch.http1.RedactionRule;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text-to-value conversions that record a {@link ConfigError} instead of throwing: the one set of
 * converters of every area. The {@code @ConfigMapping} interfaces keep every value as text (their
 * {@code @WithDefault}s included) so that SmallRye never converts, and so never refuses a value
 * with its own message before {@link SettingsLoader#load()} has collected every area's errors; the
 * area mappers ({@link AlertingSettings}, {@link EdgeSettings}, {@link EvidenceSettings},
 * {@link ApiSettings}, {@link OriginValidator} ...) convert here. Each converter returns null after
 * adding an error that names the key, says what was expected and quotes what was given; the
 * mapper's own range rules then run on the converted value only.
 */
final class ConfigValues {

    private ConfigValues() {}

    /**
     * A URL (or text that should have been one) quoted for a config error, with its user-info and
     * the values of secret query parameters replaced by the project's one redaction rule
     * ({@link RedactionRule#url(String)}): a config error never shows a password or a token.
     */
    static String quotedUrl(String text) {
        return quoted(RedactionRule.DEFAULT.url(text));
    }

    /**
     * A webhook URL quoted for a config error: for Slack and most chat receivers the path is the
     * secret, so only the scheme and authority (user-info redacted) are shown and the rest is
     * {@code <redacted, N chars>}.
     */
    static String quotedWebhookUrl(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "^((?:[A-Za-z][A-Za-z0-9+.-]*://)?[^/?#]*)(.*)$", java.util.regex.Pattern.DOTALL)
                .matcher(text);
        if (!m.matches() || m.group(2).isEmpty()) {
            return quotedUrl(text);
        }
        return quoted(RedactionRule.DEFAULT.url(m.group(1))) + " followed by <redacted, "
                + m.group(2).length() + " chars>";
    }

    /** {@link #quotedUrl} without the quotes, for messages (a {@link java.net.URI} parser's) that echo a URL. */
    static String redactedUrls(String message, String url) {
        if (message == null || url == null || url.isEmpty()) {
            return message;
        }
        String safe = RedactionRule.DEFAULT.url(url);
        return safe.equals(url) ? message : message.replace(url, safe);
    }

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
    static Duration duration(String key, String text, List<ConfigError> errors) {
        Duration d;
        try {
            d = DurationConverter.parseDuration(text.trim());
        } catch (RuntimeException e) {
            d = null;
        }
        if (d == null) {
            errors.add(new ConfigError(key, "not a duration (e.g. 30s, 500ms, 2m), got " + quoted(text)));
        }
        return d;
    }

    /** A duration of at least {@code min}. */
    static Duration duration(String key, String text, Duration min, List<ConfigError> errors) {
        Duration d = duration(key, text, errors);
        if (d == null) {
            return null;
        }
        if (d.compareTo(min) < 0) {
            errors.add(new ConfigError(key, "must be at least " + human(min) + ", got " + quoted(text)));
            return null;
        }
        return d;
    }

    /** {@code d} itself when above zero, else null after adding {@code must be positive, got PT0S}. */
    static Duration positive(String key, Duration d, List<ConfigError> errors) {
        if (d != null && (d.isNegative() || d.isZero())) {
            errors.add(new ConfigError(key, "must be positive, got " + d));
            return null;
        }
        return d;
    }

    /** Any {@code int}; the caller checks the range with its own words. */
    static Integer integer(String key, String text, List<ConfigError> errors) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            errors.add(new ConfigError(key, "must be a whole number, got " + quoted(text)));
            return null;
        }
    }

    /** Any {@code long}; the caller checks the range with its own words. */
    static Long longInteger(String key, String text, List<ConfigError> errors) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            errors.add(new ConfigError(key, "must be a whole number, got " + quoted(text)));
            return null;
        }
    }

    /** A finite decimal number ({@code 0.3}, {@code 1}); NaN and infinities are refused. */
    static Double decimal(String key, String text, List<ConfigError> errors) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ConfigError(key, "must be a number, got " + quoted(text)));
        return null;
    }

    /** A whole number from {@code min} to {@code max}, with the range and the unit in the message. */
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

    /**
     * One of an enum's constants, written as its name in any case ({@code token}, {@code NONE}); the
     * message lists them in lower case: {@code must be auto, conscrypt or jdk, got "openssl"}.
     */
    static <E extends Enum<E>> E oneOf(String key, String text, Class<E> type, List<ConfigError> errors) {
        String t = text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList();
        String expected = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        errors.add(new ConfigError(key, "must be " + expected + ", got " + quoted(text)));
        return null;
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
