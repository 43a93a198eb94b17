package io.originwatch.cli;

import io.originwatch.config.ConfigError;
import io.originwatch.config.OriginValidator;
import io.originwatch.config.OriginsFileReader;
import io.originwatch.config.RawOrigin;
import io.originwatch.origin.Origin;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The origins {@code check} probes, built by the config layer's own validator: the options become
 * one raw origin with the same keys as {@code originwatch.origins[n]}, so an option is accepted,
 * defaulted and refused exactly as that key would be, and the error names the option instead of the
 * key ({@code --header-limit: must be a whole number of bytes ...}).
 */
final class CheckOrigins {

    /** The raw origin's key prefix; error keys under it are translated back to options. */
    private static final String KEY = "check";

    private CheckOrigins() {}

    /** The one origin of {@code check URL [options]}. */
    static Origin fromOptions(CheckOptions o, String userAgent) {
        Map<String, String> values = new LinkedHashMap<>(o.originKeys());
        values.put("url", o.url());
        values.put("name", nameFor(o));
        RawOrigin raw = new RawOrigin(KEY, values, o.headerMap(), Map.of());
        List<ConfigError> errors = new ArrayList<>();
        OriginValidator validator = new OriginValidator(noDefaults(), userAgent, errors);
        List<Origin> origins = validator.validate(List.of(raw), new HashMap<>(), errors);
        if (!errors.isEmpty()) {
            throw new UsageException(
                    errors.stream().map(CheckOrigins::asOptionError).toList());
        }
        return origins.get(0);
    }

    /** Every origin of an origins file, validated as the daemon validates it; every error at once. */
    static List<Origin> fromFile(java.nio.file.Path file, String userAgent) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--config", "no such file: " + CheckOptions.quote(file.toString()));
        }
        List<ConfigError> errors = new ArrayList<>();
        List<RawOrigin> raws = OriginsFileReader.read(file, errors);
        OriginValidator validator = new OriginValidator(noDefaults(), userAgent, errors);
        List<Origin> origins = validator.validate(raws, new HashMap<>(), errors);
        if (errors.isEmpty() && origins.isEmpty()) {
            errors.add(new ConfigError(file.toString(), "no origins in the file (expected origins: [ ... ])"));
        }
        if (!errors.isEmpty()) {
            throw new UsageException(errors.stream().map(ConfigError::toString).toList());
        }
        return origins;
    }

    private static RawOrigin noDefaults() {
        return new RawOrigin("originwatch.defaults", Map.of(), Map.of(), Map.of());
    }

    /**
     * The origin's name in the output and the JSON: the site name (Host), lower-cased, with anything
     * outside the name alphabet ({@code [a-z0-9._-]}) made a dash.
     */
    static String nameFor(CheckOptions o) {
        String host = o.originKeys().get("host");
        if (host == null) {
            try {
                host = java.net.URI.create(o.url().trim()).getHost();
            } catch (IllegalArgumentException e) {
                host = null; // the validator reports the URL
            }
        }
        if (host == null || host.isBlank()) {
            return "check";
        }
        String name = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        name = name.replaceAll("[^a-z0-9._-]", "-");
        return name.isEmpty() ? "check" : name;
    }

    /** {@code check.header-limit: ...} becomes {@code --header-limit: ...}. */
    static String asOptionError(ConfigError e) {
        String key = e.key();
        String option = key;
        if (key.startsWith(KEY + ".")) {
            String k = key.substring(KEY.length() + 1);
            option = switch (k) {
                case "url" -> "URL";
                case "via-edge-url" -> "--via-edge";
                case CheckOptions.INSECURE_KEY -> "--insecure";
                case "name" -> "--host";
                default -> k.startsWith("headers.") ? "--header " + k.substring("headers.".length()) : "--" + k;
            };
        }
        return option + ": " + e.message();
    }
}
