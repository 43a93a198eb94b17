package io.originwatch.config;

import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.origin.Origin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Null only in tests that build the loader by hand around the origins mapping alone. */
    @Inject
    MaintenanceConfig maintenance;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    /** Validates the whole start-up configuration, origins file included. */
    public DaemonSettings load() {
        List<ConfigError> errors = new ArrayList<>();
        OriginValidator validator = validator(errors);
        Map<String, String> names = new HashMap<>();
        List<Origin> inline = validator.validate(inlineOrigins(), names, errors);
        List<Origin> fromFile = List.of();
        Map<String, String> windowNames = new HashMap<>();
        List<MaintenanceWindow> configWindows =
                maintenance == null ? List.of() : MaintenanceSettings.fromConfig(maintenance, windowNames, errors);
        List<MaintenanceWindow> fileWindows = List.of();
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
            OriginsFileReader.Content content = OriginsFileReader.readAll(file.get(), errors);
            fromFile = validator.validate(content.origins(), names, errors);
            fileWindows =
                    MaintenanceSettings.fromFile(file.get().toString(), content.maintenance(), windowNames, errors);
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
                inline,
                file,
                fromFile,
                maxConcurrent == null ? 0 : maxConcurrent,
                lab != null && lab,
                tls,
                configWindows,
                fileWindows);
    }

    /**
     * Validates raw origins from a later source (the origins file on reload, the lab) against the
     * same defaults; {@code takenNames} are names other sources already use.
     */
    public List<Origin> validate(List<RawOrigin> raws, Map<String, String> takenNames, List<ConfigError> errors) {
        return validator(errors).validate(raws, new HashMap<>(takenNames), errors);
    }

    /** What a valid origins file holds: its origins and its maintenance windows. */
    public record OriginsFile(List<Origin> origins, List<MaintenanceWindow> windows) {}

    /** Re-reads and validates the origins file as a whole, origins and maintenance windows together. */
    public OriginsFile readOriginsFile(Path file, Map<String, String> takenNames) {
        List<ConfigError> errors = new ArrayList<>();
        OriginsFileReader.Content content = OriginsFileReader.readAll(file, errors);
        List<Origin> origins = validate(content.origins(), takenNames, errors);
        Map<String, String> windowNames = new HashMap<>();
        if (maintenance != null) {
            MaintenanceSettings.fromConfig(maintenance, windowNames, new ArrayList<>());
        }
        List<MaintenanceWindow> windows =
                MaintenanceSettings.fromFile(file.toString(), content.maintenance(), windowNames, errors);
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        return new OriginsFile(origins, windows);
    }

    public String userAgent() {
        return config.userAgent().filter(s -> !s.isBlank()).map(String::trim).orElse("originwatch/" + version);
    }

    private OriginValidator validator(List<ConfigError> errors) {
        return new OriginValidator(toRaw(PREFIX + ".defaults", config.defaults(), Map.of()), userAgent(), errors);
    }

    private List<RawOrigin> inlineOrigins() {
        List<OriginSettings> list = config.origins().orElse(List.of());
        List<RawOrigin> raws = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            OriginSettings o = list.get(i);
            Map<String, String> ids = new LinkedHashMap<>();
            o.name().ifPresent(v -> ids.put("name", v));
            o.url().ifPresent(v -> ids.put("url", v));
            o.host().ifPresent(v -> ids.put("host", v));
            o.viaEdgeUrl().ifPresent(v -> ids.put("via-edge-url", v));
            raws.add(toRaw(PREFIX + ".origins[" + i + "]", o, ids));
        }
        return raws;
    }

    private static RawOrigin toRaw(String key, OriginDefaults d, Map<String, String> ids) {
        Map<String, String> v = new LinkedHashMap<>(ids);
        d.interval().ifPresent(x -> v.put("interval", x));
        d.connectTimeout().ifPresent(x -> v.put("connect-timeout", x));
        d.responseTimeout().ifPresent(x -> v.put("response-timeout", x));
        d.headerLimit().ifPresent(x -> v.put("header-limit", x));
        d.expectStatus().ifPresent(x -> v.put("expect-status", x));
        d.tlsVerify().ifPresent(x -> v.put("tls-verify", x));
        d.trustCa().ifPresent(x -> v.put("trust-ca", x));
        d.method().ifPresent(x -> v.put("method", x));
        return new RawOrigin(key, v, d.headers(), d.labels());
    }
}
