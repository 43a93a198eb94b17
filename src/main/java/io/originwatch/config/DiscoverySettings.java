package io.originwatch.config;

import static io.originwatch.config.ConfigValues.quoted;

import io.originwatch.discovery.CloudflareSettings;
import io.originwatch.discovery.KubernetesSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps {@code originwatch.discovery.*} to {@link CloudflareSettings} and {@link KubernetesSettings}, every problem into the one
 * error list naming its key. Messages never quote the token (nor the token file's content).
 */
public final class DiscoverySettings {

    static final String CLOUDFLARE = "originwatch.discovery.cloudflare";
    static final String KUBERNETES = "originwatch.discovery.kubernetes";
    private static final Duration MIN_REFRESH = Duration.ofSeconds(10);

    private DiscoverySettings() {}

    /** The Cloudflare source's settings, empty when it is disabled or has errors (added to {@code errors}). */
    public static Optional<CloudflareSettings> cloudflare(DiscoveryConfig config, List<ConfigError> errors) {
        DiscoveryConfig.Cloudflare c = config.cloudflare();
        Boolean enabled = c.enabled()
                .map(v -> ConfigValues.bool(CLOUDFLARE + ".enabled", v, errors))
                .orElse(false);
        if (enabled == null || !enabled) {
            return Optional.empty();
        }
        int before = errors.size();
        String token = token(c, errors);
        URI api = apiUrl(c.apiUrl().orElse(CloudflareSettings.DEFAULT_API_URL), errors);
        Duration refresh = c.refresh()
                .map(v -> ConfigValues.duration(CLOUDFLARE + ".refresh", v, MIN_REFRESH, errors))
                .orElse(CloudflareSettings.DEFAULT_REFRESH);
        Set<String> types = new LinkedHashSet<>();
        for (String t : c.recordTypes().orElse(List.of("A", "AAAA", "CNAME"))) {
            String u = t.trim().toUpperCase(Locale.ROOT);
            if (!CloudflareSettings.RECORD_TYPES.contains(u)) {
                errors.add(new ConfigError(CLOUDFLARE + ".record-types", "must be A, AAAA or CNAME, got " + quoted(t)));
            }
            types.add(u);
        }
        String scheme = c.scheme().trim().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add(new ConfigError(CLOUDFLARE + ".scheme", "must be http or https, got " + quoted(c.scheme())));
        }
        String path = c.path().trim();
        if (!path.startsWith("/") || path.chars().anyMatch(ch -> ch <= ' ' || ch == '#')) {
            errors.add(new ConfigError(
                    CLOUDFLARE + ".path", "must start with / and hold no spaces or fragment, got " + quoted(path)));
        }
        Integer port = c.port()
                .map(v -> ConfigValues.integer(CLOUDFLARE + ".port", v, 1, 65535, "port", errors))
                .orElse(scheme.equals("http") ? 80 : 443);
        Boolean viaEdge = c.viaEdge()
                .map(v -> ConfigValues.bool(CLOUDFLARE + ".via-edge", v, errors))
                .orElse(true);
        Boolean allowMass = c.allowMassRemoval()
                .map(v -> ConfigValues.bool(CLOUDFLARE + ".allow-mass-removal", v, errors))
                .orElse(false);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CloudflareSettings(
                api,
                token,
                c.zones().orElse(List.of()).stream().map(String::trim).toList(),
                refresh,
                c.include().orElse(List.of()),
                c.exclude().orElse(List.of()),
                types,
                path,
                scheme,
                port,
                viaEdge,
                allowMass));
    }

    /** The Kubernetes source's settings, empty when it is disabled or has errors (added to {@code errors}). */
    public static Optional<KubernetesSettings> kubernetes(DiscoveryConfig config, List<ConfigError> errors) {
        DiscoveryConfig.Kubernetes k = config.kubernetes();
        Boolean enabled = k.enabled()
                .map(v -> ConfigValues.bool(KUBERNETES + ".enabled", v, errors))
                .orElse(false);
        if (enabled == null || !enabled) {
            return Optional.empty();
        }
        int before = errors.size();
        String scheme = k.scheme().trim().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add(new ConfigError(KUBERNETES + ".scheme", "must be http or https, got " + quoted(k.scheme())));
        }
        String path = k.path().trim();
        if (!path.startsWith("/") || path.chars().anyMatch(ch -> ch <= ' ' || ch == '#')) {
            errors.add(new ConfigError(
                    KUBERNETES + ".path", "must start with / and hold no spaces or fragment, got " + quoted(path)));
        }
        List<String> namespaces = new ArrayList<>();
        for (String n : k.namespaces().orElse(List.of())) {
            String t = n.trim();
            if (!t.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                errors.add(new ConfigError(
                        KUBERNETES + ".namespaces", "not a Kubernetes namespace name, got " + quoted(n)));
            }
            namespaces.add(t);
        }
        Duration resync = k.resync()
                .map(v -> ConfigValues.duration(KUBERNETES + ".resync", v, MIN_REFRESH, errors))
                .orElse(KubernetesSettings.DEFAULT_RESYNC);
        Boolean allowMass = k.allowMassRemoval()
                .map(v -> ConfigValues.bool(KUBERNETES + ".allow-mass-removal", v, errors))
                .orElse(false);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new KubernetesSettings(namespaces, scheme, path, resync, allowMass));
    }

    /**
     * The defaults of the generated origins, keyed {@code originwatch.discovery.cloudflare.defaults}:
     * its own values over {@code originwatch.defaults}'.
     */
    static RawOrigin cloudflareDefaults(DiscoveryConfig config, OriginDefaults global) {
        return defaults(CLOUDFLARE + ".defaults", config.cloudflare().defaults(), global);
    }

    /** The same for {@code originwatch.discovery.kubernetes.defaults}. */
    static RawOrigin kubernetesDefaults(DiscoveryConfig config, OriginDefaults global) {
        return defaults(KUBERNETES + ".defaults", config.kubernetes().defaults(), global);
    }

    private static RawOrigin defaults(String key, OriginDefaults source, OriginDefaults global) {
        RawOrigin g = RawOrigin.of("originwatch.defaults", global);
        RawOrigin own = RawOrigin.of(key, source);
        Map<OriginKey, String> values = new EnumMap<>(OriginKey.class);
        values.putAll(g.values());
        values.putAll(own.values());
        Map<String, String> headers = new LinkedHashMap<>(g.headers());
        headers.putAll(own.headers());
        Map<String, String> labels = new LinkedHashMap<>(g.labels());
        labels.putAll(own.labels());
        Map<String, String> headerFiles = new LinkedHashMap<>(g.headerFiles());
        headerFiles.putAll(own.headerFiles());
        return new RawOrigin(key, values, headers, labels, headerFiles);
    }

    private static String token(DiscoveryConfig.Cloudflare c, List<ConfigError> errors) {
        Optional<String> inline = c.apiToken().map(String::trim).filter(s -> !s.isEmpty());
        if (inline.isPresent()) {
            return inline.get();
        }
        Optional<String> file = c.apiTokenFile().map(String::trim).filter(s -> !s.isEmpty());
        if (file.isEmpty()) {
            errors.add(new ConfigError(CLOUDFLARE + ".api-token", "required (or api-token-file) when enabled"));
            return null;
        }
        try {
            String t = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8)
                    .trim();
            if (t.isEmpty() || t.chars().anyMatch(ch -> ch <= ' ')) {
                errors.add(new ConfigError(
                        CLOUDFLARE + ".api-token-file",
                        "must hold one token on one line: " + quoted(file.get()) + " is empty or has spaces"));
                return null;
            }
            return t;
        } catch (IOException e) {
            errors.add(new ConfigError(
                    CLOUDFLARE + ".api-token-file",
                    "cannot read " + quoted(file.get()) + ": " + e.getClass().getSimpleName()));
            return null;
        }
    }

    private static URI apiUrl(String text, List<ConfigError> errors) {
        try {
            URI u = new URI(text.trim());
            if ((u.getScheme() == null || !u.getScheme().matches("https?")) || u.getHost() == null) {
                errors.add(new ConfigError(
                        CLOUDFLARE + ".api-url", "must be an http(s) URL, got " + ConfigValues.quotedUrl(text)));
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            errors.add(
                    new ConfigError(CLOUDFLARE + ".api-url", "not a valid URL, got " + ConfigValues.quotedUrl(text)));
            return null;
        }
    }
}
