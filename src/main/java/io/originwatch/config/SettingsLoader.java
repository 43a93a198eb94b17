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
 * The one gate of the start-up configuration: checks every area (origins and the daemon's own keys
 * through {@link OriginValidator}, the origins file, evidence, edge ranges, allowlists, alerting, cluster)
 * into one {@link ConfigError} list and throws {@link InvalidConfigException} carrying all of them,
 * which the daemon reports in one place before it exits. The area beans map their own keys with the
 * same mappers ({@link AlertingSettings#from}, {@link EdgeSettings}) and stay idle when those report
 * errors, leaving the report to this gate.
 *
 * <p>{@code originwatch.api.*} has only {@code token}, where any value is valid (blank = open API).
 */
@ApplicationScoped
public class SettingsLoader {

    private static final String PREFIX = "originwatch";

    @Inject
    OriginwatchConfig config;

    @Inject
    EvidenceConfig evidence;

    @Inject
    EdgeConfig edge;

    @Inject
    AllowlistsConfig allowlists;

    @Inject
    AlertingConfig alerting;

    @Inject
    ApiConfig api;

    @Inject
    ClusterConfig cluster;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    /** Validates the whole start-up configuration, every area and the origins file included. */
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
        config.originsFileAllowMassRemoval()
                .ifPresent(v -> ConfigValues.bool(PREFIX + ".origins-file-allow-mass-removal", v, errors));
        int maxBytes = originsFileMaxBytes(errors);
        Optional<Path> file = config.originsFile().map(String::trim).map(Path::of);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            errors.add(new ConfigError(
                    PREFIX + ".origins-file",
                    "no such file: " + ConfigValues.quoted(file.get().toString())));
        } else if (file.isPresent()) {
            fromFile = validator.validate(OriginsFileReader.read(file.get(), maxBytes, errors), names, errors);
        }
        config.userAgent()
                .filter(ua -> ua.isBlank() || ua.indexOf('\r') >= 0 || ua.indexOf('\n') >= 0)
                .ifPresent(ua -> errors.add(new ConfigError(
                        PREFIX + ".user-agent", "must be one non-empty line, got " + ConfigValues.quoted(ua))));
        errors.addAll(EvidenceSettings.errors(evidence));
        EdgeSettings.ranges(edge, errors);
        // only checked here: the allowlists' sources are built by the edge runtime (no cluster client here)
        EdgeSettings.allowlists(allowlists, (name, kubernetes) -> null, errors);
        AlertingSettings.from(alerting, errors);
        errors.addAll(ApiSettings.errors(api, rawValue(PREFIX + ".api.token")));
        ClusterSettings clusterSettings = ClusterSettings.from(cluster, errors);
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
                clusterSettings);
    }

    /** The value as its source wrote it (an empty string stays empty), or null when no source sets it. */
    private static String rawValue(String key) {
        org.eclipse.microprofile.config.ConfigValue v =
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getConfigValue(key);
        return v == null ? null : v.getRawValue();
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
        List<Origin> origins =
                validate(OriginsFileReader.read(file, originsFileMaxBytes(errors), errors), takenNames, errors);
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        return origins;
    }

    /** {@code originwatch.origins-file-allow-mass-removal}; an unreadable value counts as false (and fails {@link #load()}). */
    public boolean originsFileAllowMassRemoval() {
        return config.originsFileAllowMassRemoval()
                .map(v -> ConfigValues.bool(PREFIX + ".origins-file-allow-mass-removal", v, new ArrayList<>()))
                .map(Boolean.TRUE::equals)
                .orElse(false);
    }

    /** {@code originwatch.origins-file-max-bytes}, the default where unset or invalid (invalid is reported). */
    private int originsFileMaxBytes(List<ConfigError> errors) {
        Integer v = config.originsFileMaxBytes()
                .map(t -> ConfigValues.integer(
                        OriginsFileReader.MAX_BYTES_KEY, t, 1024, Integer.MAX_VALUE - 8, "bytes", errors))
                .orElse(OriginsFileReader.DEFAULT_MAX_BYTES);
        return v == null ? OriginsFileReader.DEFAULT_MAX_BYTES : v;
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
