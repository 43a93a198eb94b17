package io.originwatch.config;

import io.originwatch.discovery.CloudflareSettings;
import io.originwatch.discovery.DiscoveredOrigin;
import io.originwatch.discovery.KubernetesSettings;
import io.originwatch.discovery.Skipped;
import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.origin.Origin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one gate of the start-up configuration: checks every area (origins and the daemon's own keys
 * through {@link OriginValidator}, the origins file, evidence, edge ranges, allowlists, alerting,
 * maintenance windows, cluster)
 * into one {@link ConfigError} list and throws {@link InvalidConfigException} carrying all of them,
 * which the daemon reports in one place before it exits. The area beans map their own keys with the
 * same mappers ({@link AlertingSettings#from}, {@link EdgeSettings#from}, {@link EvidenceSettings#from},
 * {@link ApiSettings#from}) and stay idle (or fall back to safe values) when those report errors,
 * leaving the report to this gate.
 *
 * <p>Every {@code @ConfigMapping} keeps its values as text, so a value that is not a number, a
 * duration, a boolean or one of a key's words reaches this gate too and is reported with the rest,
 * converted by {@link ConfigValues}, instead of SmallRye refusing it alone before this gate runs.
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
    DiscoveryConfig discovery;

    @Inject
    ApiConfig api;

    @Inject
    MaintenanceConfig maintenance;

    @Inject
    ClusterConfig cluster;

    @Inject
    VantageConfig vantages;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    /** Validates the whole start-up configuration, every area and the origins file included. */
    public DaemonSettings load() {
        List<ConfigError> errors = new ArrayList<>();
        OriginValidator validator = validator(errors);
        Map<String, String> names = new HashMap<>();
        List<Origin> inline = validator.validate(inlineOrigins(), names, errors);
        List<Origin> fromFile = List.of();
        Map<String, String> windowNames = new HashMap<>();
        List<MaintenanceWindow> configWindows = MaintenanceSettings.fromConfig(maintenance, windowNames, errors);
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
        config.originsFileAllowMassRemoval()
                .ifPresent(v -> ConfigValues.bool(PREFIX + ".origins-file-allow-mass-removal", v, errors));
        int maxBytes = originsFileMaxBytes(errors);
        Optional<Path> file = config.originsFile().map(String::trim).map(Path::of);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            errors.add(new ConfigError(
                    PREFIX + ".origins-file",
                    "no such file: " + ConfigValues.quoted(file.get().toString())));
        } else if (file.isPresent()) {
            OriginsFileReader.Content content = OriginsFileReader.readAll(file.get(), maxBytes, errors);
            fromFile = validator.validate(content.origins(), names, errors);
            fileWindows =
                    MaintenanceSettings.fromFile(file.get().toString(), content.maintenance(), windowNames, errors);
        }
        config.userAgent()
                .filter(ua -> ua.isBlank() || ua.indexOf('\r') >= 0 || ua.indexOf('\n') >= 0)
                .ifPresent(ua -> errors.add(new ConfigError(
                        PREFIX + ".user-agent", "must be one non-empty line, got " + ConfigValues.quoted(ua))));
        EvidenceSettings.from(evidence, errors);
        EdgeSettings.from(edge, errors);
        // only checked here: the allowlists' sources are built by the edge runtime (no cluster client here)
        EdgeSettings.allowlists(allowlists, (name, kubernetes) -> null, errors);
        AlertingSettings.from(alerting, errors);
        // building a source's validator checks its defaults
        if (DiscoverySettings.cloudflare(discovery, errors).isPresent()) {
            discoveryValidator(CLOUDFLARE, errors);
        }
        if (DiscoverySettings.kubernetes(discovery, errors).isPresent()) {
            discoveryValidator(KUBERNETES, errors);
        }
        errors.addAll(ApiSettings.errors(api, rawValue(PREFIX + ".api.token")));
        ClusterSettings clusterSettings = ClusterSettings.from(cluster, errors);
        VantageSettings.from(vantages, errors);
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
                fileWindows,
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

    /** What a valid origins file holds: its origins and its maintenance windows. */
    public record OriginsFile(List<Origin> origins, List<MaintenanceWindow> windows) {}

    /** Re-reads and validates the origins file as a whole, origins and maintenance windows together. */
    public OriginsFile readOriginsFile(Path file, Map<String, String> takenNames) {
        return readOriginsFile(file, takenNames, UnaryOperator.identity());
    }

    /**
     * {@link #readOriginsFile(Path, Map)}, each valid origin passed through {@code sharing} as it is
     * validated (the watcher shares the running origins' parts: {@link Origin#sharing}).
     */
    public OriginsFile readOriginsFile(Path file, Map<String, String> takenNames, UnaryOperator<Origin> sharing) {
        List<ConfigError> errors = new ArrayList<>();
        OriginsFileReader.Content content = OriginsFileReader.readAll(file, originsFileMaxBytes(errors), errors);
        List<Origin> origins =
                validator(errors).validate(content.origins(), new HashMap<>(takenNames), errors, sharing);
        Map<String, String> windowNames = new HashMap<>();
        // the main config's names (checked at start-up) are taken for the file's windows
        MaintenanceSettings.fromConfig(maintenance, windowNames, new ArrayList<>());
        List<MaintenanceWindow> windows =
                MaintenanceSettings.fromFile(file.toString(), content.maintenance(), windowNames, errors);
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        return new OriginsFile(origins, windows);
    }

    /** {@code originwatch.origins-file-allow-mass-removal}; an unreadable value counts as false (and fails {@link #load()}). */
    public boolean originsFileAllowMassRemoval() {
        return config.originsFileAllowMassRemoval()
                .map(v -> ConfigValues.bool(PREFIX + ".origins-file-allow-mass-removal", v, new ArrayList<>()))
                .map(Boolean.TRUE::equals)
                .orElse(false);
    }

    /** The Cloudflare discovery source, empty when disabled (or invalid: {@link #load} reports that). */
    public Optional<CloudflareSettings> cloudflareDiscovery() {
        return DiscoverySettings.cloudflare(discovery, new ArrayList<>());
    }

    /** The Kubernetes discovery source, empty when disabled (or invalid: {@link #load} reports that). */
    public Optional<KubernetesSettings> kubernetesDiscovery() {
        return DiscoverySettings.kubernetes(discovery, new ArrayList<>());
    }

    /** Where discovery keeps each source's last good result. */
    public Path discoveryCacheDir() {
        return Path.of(discovery.cacheDir().trim());
    }

    /**
     * Validates one discovery run's origins one by one against the discovery defaults: an origin that
     * is invalid, or whose name is in {@code takenNames} (a configured origin wins the clash), is left
     * out and added to {@code skipped} with the reason.
     */
    public List<Origin> validateDiscovered(
            String source, List<DiscoveredOrigin> found, Map<String, String> takenNames, List<Skipped> skipped) {
        OriginValidator validator = discoveryValidator(source, new ArrayList<>());
        Map<String, String> names = new HashMap<>(takenNames);
        List<Origin> out = new ArrayList<>();
        for (DiscoveredOrigin d : found) {
            Map<OriginKey, String> values = new EnumMap<>(OriginKey.class);
            values.put(OriginKey.NAME, d.name());
            values.put(OriginKey.URL, d.url());
            if (d.host() != null) {
                values.put(OriginKey.HOST, d.host());
            }
            if (d.viaEdgeUrl() != null) {
                values.put(OriginKey.VIA_EDGE_URL, d.viaEdgeUrl());
            }
            List<ConfigError> errors = new ArrayList<>();
            d.settings()
                    .forEach((key, value) -> OriginKey.single(key)
                            .filter(k -> k != OriginKey.NAME && k != OriginKey.URL && k != OriginKey.HOST)
                            .ifPresentOrElse(
                                    k -> values.put(k, value),
                                    () -> errors.add(new ConfigError(key, "not an origin setting a source may set"))));
            RawOrigin raw = new RawOrigin("discovery:" + source + "[" + d.name() + "]", values, Map.of(), d.labels());
            List<Origin> valid = errors.isEmpty() ? validator.validate(List.of(raw), names, errors) : List.of();
            if (errors.isEmpty()) {
                out.addAll(valid);
            } else {
                skipped.add(new Skipped(
                        d.host() == null ? d.name() : d.host(),
                        errors.stream().map(ConfigError::toString).collect(Collectors.joining("; "))));
            }
        }
        return out;
    }

    /** The discovery sources, as {@code /api/discovery}, the cache and the logs name them. */
    public static final String CLOUDFLARE = "cloudflare";

    public static final String KUBERNETES = "kubernetes";

    private OriginValidator discoveryValidator(String source, List<ConfigError> errors) {
        RawOrigin defaults = switch (source) {
            case CLOUDFLARE -> DiscoverySettings.cloudflareDefaults(discovery, config.defaults());
            case KUBERNETES -> DiscoverySettings.kubernetesDefaults(discovery, config.defaults());
            default -> throw new IllegalArgumentException("no discovery source " + source);
        };
        return new OriginValidator(defaults, userAgent(), errors);
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
        return new OriginValidator(defaults(config), userAgent(), errors);
    }

    private List<RawOrigin> inlineOrigins() {
        return inlineOrigins(config);
    }

    /** {@code originwatch.defaults} of a mapping as a raw origin (also for the command line's check). */
    public static RawOrigin defaults(OriginwatchConfig config) {
        return RawOrigin.of(PREFIX + ".defaults", config.defaults());
    }

    /** {@code originwatch.origins[n]} of a mapping as raw origins, keyed as the daemon names them. */
    public static List<RawOrigin> inlineOrigins(OriginwatchConfig config) {
        List<OriginSettings> list = config.origins().orElse(List.of());
        List<RawOrigin> raws = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            raws.add(RawOrigin.of(PREFIX + ".origins[" + i + "]", list.get(i)));
        }
        return raws;
    }
}
