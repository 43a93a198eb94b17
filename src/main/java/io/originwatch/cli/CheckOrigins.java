package io.originwatch.cli;

import io.originwatch.config.ConfigError;
import io.originwatch.config.OriginKey;
import io.originwatch.config.OriginValidator;
import io.originwatch.config.OriginsFileReader;
import io.originwatch.config.OriginwatchConfig;
import io.originwatch.config.RawOrigin;
import io.originwatch.config.SettingsLoader;
import io.originwatch.origin.Origin;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
        Map<OriginKey, String> values = new EnumMap<>(OriginKey.class);
        values.putAll(o.originKeys());
        values.put(OriginKey.URL, o.url());
        values.put(OriginKey.NAME, nameFor(o));
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

    /**
     * Every origin of a file, validated as the daemon validates it, every error at once: an origins
     * file ({@code origins:} at the top, as {@code originwatch.origins-file}) or an application config
     * ({@code originwatch:} at the top: its defaults, inline origins, the origins file it names and
     * its user-agent, read through the daemon's own {@link OriginwatchConfig} mapping).
     */
    static List<Origin> fromFile(Path file, String userAgent) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--config", "no such file: " + CheckOptions.quote(file.toString()));
        }
        List<ConfigError> errors = new ArrayList<>();
        List<Origin> origins;
        Map<String, String> names = new HashMap<>();
        OriginwatchConfig app = applicationConfig(file);
        if (app == null) {
            List<RawOrigin> raws = OriginsFileReader.read(file, errors);
            origins = new OriginValidator(noDefaults(), userAgent, errors).validate(raws, names, errors);
        } else {
            String agent =
                    app.userAgent().filter(s -> !s.isBlank()).map(String::trim).orElse(userAgent);
            OriginValidator validator = new OriginValidator(SettingsLoader.defaults(app), agent, errors);
            List<Origin> all = new ArrayList<>(validator.validate(SettingsLoader.inlineOrigins(app), names, errors));
            app.originsFile().map(String::trim).map(Path::of).ifPresent(more -> {
                if (Files.isRegularFile(more)) {
                    all.addAll(validator.validate(OriginsFileReader.read(more, errors), names, errors));
                } else {
                    errors.add(new ConfigError(
                            "originwatch.origins-file", "no such file: " + CheckOptions.quote(more.toString())));
                }
            });
            origins = all;
        }
        if (errors.isEmpty() && origins.isEmpty()) {
            errors.add(new ConfigError(file.toString(), "no origins in the file"));
        }
        if (!errors.isEmpty()) {
            throw new UsageException(errors.stream().map(ConfigError::toString).toList());
        }
        return origins;
    }

    /** The file's {@code originwatch.*} mapping when it is an application config, else null. */
    private static OriginwatchConfig applicationConfig(Path file) {
        YamlConfigSource yaml;
        try {
            yaml = new YamlConfigSource(file.toString(), Files.readString(file), 0);
        } catch (IOException | RuntimeException e) {
            return null; // not YAML we can read: OriginsFileReader reports it with its position
        }
        if (yaml.getPropertyNames().stream().noneMatch(k -> k.startsWith("originwatch."))) {
            return null;
        }
        try {
            return new SmallRyeConfigBuilder()
                    .withSources(yaml)
                    .withMapping(OriginwatchConfig.class)
                    // other areas' keys (edge, alerting, evidence, quarkus.*) are not check's business
                    .withValidateUnknown(false)
                    .build()
                    .getConfigMapping(OriginwatchConfig.class);
        } catch (RuntimeException e) {
            throw new UsageException("--config", file + ": " + e.getMessage());
        }
    }

    private static RawOrigin noDefaults() {
        return new RawOrigin("originwatch.defaults", Map.of(), Map.of(), Map.of());
    }

    /**
     * The origin's name in the output and the JSON: the site name (Host), lower-cased, with anything
     * outside the name alphabet ({@code [a-z0-9._-]}) made a dash.
     */
    static String nameFor(CheckOptions o) {
        String host = o.originKeys().get(OriginKey.HOST);
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
        if (!key.startsWith(KEY + ".")) {
            return e.toString();
        }
        String text = key.substring(KEY.length() + 1);
        if (text.startsWith(OriginKey.HEADERS.text() + ".")) {
            return "--header " + text.substring(OriginKey.HEADERS.text().length() + 1) + ": " + e.message();
        }
        return OriginKey.single(text).map(CheckOptions::optionOf).orElse(text) + ": " + e.message();
    }
}
