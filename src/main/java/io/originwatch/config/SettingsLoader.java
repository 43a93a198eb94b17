package io.originwatch.config;

import io.originwatch.origin.Origin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps {@link OriginwatchConfig} (and the origins file) to {@link DaemonSettings} through
 * {@link OriginValidator}. Throws {@link InvalidConfigException} carrying every error at once.
 */
@ApplicationScoped
public class SettingsLoader {

    private static final String PREFIX = "originwatch";

    @Inject
    OriginwatchConfig config;

    /** Null only in tests that build the loader by hand around the origins mapping alone. */
    @Inject
    EvidenceConfig evidence;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    /** Validates the whole start-up configuration, origins file included. */
    public DaemonSettings load() {
        List<ConfigError> errors = new ArrayList<>();
        OriginValidator validator = validator(errors);
        Map<String, String> names = new HashMap<>();
        List<Origin> inline = validator.validate(inlineOrigins(), names, errors);
        List<Origin> fromFile = List.of();
        Integer maxConcurrent = config.maxConcurrentProbes()
                .map(v -> ConfigValues.integer(PREFIX + ".max-concurrent-probes", v, 1, 100_000, "probes", errors))
                .orElse(DaemonSettings.DEFAULT_MAX_CONCURRENT_PROBES);
        Boolean lab = config.lab()
                .enabled()
                .map(v -> ConfigValues.bool(PREFIX + ".lab.enabled", v, errors))
                .orElse(false);
        TlsProvider tls =
                config.tlsProvider().map(v -> TlsProvider.parse(v, errors)).orElse(TlsProvider.AUTO);
        Optional<Path> file = config.originsFile().map(String::trim).map(Path::of);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            errors.add(new ConfigError(
                    PREFIX + ".origins-file",
                    "no such file: " + ConfigValues.quoted(file.get().toString())));
        } else if (file.isPresent()) {
            fromFile = validator.validate(OriginsFileReader.read(file.get(), errors), names, errors);
        }
        config.userAgent()
                .filter(ua -> ua.isBlank() || ua.indexOf('\r') >= 0 || ua.indexOf('\n') >= 0)
                .ifPresent(ua -> errors.add(new ConfigError(
                        PREFIX + ".user-agent", "must be one non-empty line, got " + ConfigValues.quoted(ua))));
        if (evidence != null) {
            errors.addAll(EvidenceSettings.errors(evidence));
        }
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        return new DaemonSettings(
                inline, file, fromFile, maxConcurrent == null ? 0 : maxConcurrent, lab != null && lab, tls);
    }

    /**
     * Validates raw origins from a later source (the origins file on reload, the lab) against the
     * same defaults; {@code takenNames} are names other sources already use.
     */
    public List<Origin> validate(List<RawOrigin> raws, Map<String, String> takenNames, List<ConfigError> errors) {
        return validator(errors).validate(raws, new HashMap<>(takenNames), errors);
    }

    /** Re-reads and validates the origins file as a whole. */
    public List<Origin> readOriginsFile(Path file, Map<String, String> takenNames) {
        List<ConfigError> errors = new ArrayList<>();
        List<Origin> origins = validate(OriginsFileReader.read(file, errors), takenNames, errors);
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        return origins;
    }

    public String userAgent() {
        return config.userAgent().filter(s -> !s.isBlank()).map(String::trim).orElse("originwatch/" + version);
    }

    private OriginValidator validator(List<ConfigError> errors) {
        return new OriginValidator(RawOrigin.of(PREFIX + ".defaults", config.defaults()), userAgent(), errors);
    }

    private List<RawOrigin> inlineOrigins() {
        List<OriginSettings> list = config.origins().orElse(List.of());
        List<RawOrigin> raws = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            raws.add(RawOrigin.of(PREFIX + ".origins[" + i + "]", list.get(i)));
        }
        return raws;
    }
}
