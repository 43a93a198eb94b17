package io.originwatch.config;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.allowlist.AllowlistDefinition;
import io.originwatch.edge.allowlist.AllowlistFormat;
import io.originwatch.edge.allowlist.AllowlistSource;
import io.originwatch.edge.allowlist.FileAllowlistSource;
import io.originwatch.edge.cidr.Cidrs;
import io.originwatch.edge.ranges.Provider;
import io.originwatch.edge.ranges.RangeSettings;
import io.originwatch.http1.RedactionRule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * {@link EdgeConfig} as typed values, and the allowlists as definitions. Never stops at the first
 * problem: every error names its key and goes to the caller's {@link ConfigError} list, so the
 * daemon reports them with every other area's ({@link SettingsLoader#load()}).
 *
 * @param enabled        fetch on schedule and check allowlists
 * @param ranges         what the range service needs
 * @param refresh        time between two range refreshes (the refresh job's interval), positive
 * @param allowlistCheck time between two allowlist checks (that job's interval), positive
 */
public record EdgeSettings(boolean enabled, RangeSettings ranges, Duration refresh, Duration allowlistCheck) {

    private static final String EDGE = "originwatch.edge.";

    /**
     * The settings; with any error (each added to {@code errors}) disabled ones with the built-in
     * Cloudflare list, which never fetch, while the daemon refuses to start.
     */
    public static EdgeSettings from(EdgeConfig c, List<ConfigError> errors) {
        int before = errors.size();
        Boolean enabled = ConfigValues.bool(EDGE + "enabled", c.enabled(), errors);
        Provider provider = step(EDGE + "provider", () -> Provider.fromLabel(c.provider()), errors);
        List<URI> urls = new ArrayList<>();
        List<String> configured = c.urls().orElse(List.of());
        for (int i = 0; i < configured.size(); i++) {
            String u = configured.get(i).strip();
            String key = EDGE + "urls[" + i + "]";
            URI uri = step(key, () -> URI.create(u), errors, u);
            if (uri != null && !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                errors.add(new ConfigError(key, "scheme must be http or https: " + RedactionRule.DEFAULT.url(u)));
            } else if (uri != null) {
                urls.add(uri);
            }
        }
        Duration refresh = ConfigValues.positive(
                EDGE + "refresh", ConfigValues.duration(EDGE + "refresh", c.refresh(), errors), errors);
        Double maxShrink = ConfigValues.decimal(EDGE + "max-shrink", c.maxShrink(), errors);
        if (maxShrink != null && (maxShrink < 0 || maxShrink > 1)) {
            errors.add(new ConfigError(EDGE + "max-shrink", "must be between 0 and 1, was " + maxShrink));
        }
        Boolean chinaNetwork = ConfigValues.bool(EDGE + "china-network", c.chinaNetwork(), errors);
        Integer ipv4 = ConfigValues.integer(EDGE + "min-prefix-ipv4", c.minPrefixIpv4(), errors);
        if (ipv4 != null && (ipv4 < 1 || ipv4 > 32)) {
            errors.add(new ConfigError(EDGE + "min-prefix-ipv4", "must be 1..32, was " + ipv4));
        }
        Integer ipv6 = ConfigValues.integer(EDGE + "min-prefix-ipv6", c.minPrefixIpv6(), errors);
        if (ipv6 != null && (ipv6 < 1 || ipv6 > 128)) {
            errors.add(new ConfigError(EDGE + "min-prefix-ipv6", "must be 1..128, was " + ipv6));
        }
        String service = c.cloudfrontService();
        if (!service.equals("CLOUDFRONT") && !service.equals("CLOUDFRONT_ORIGIN_FACING")) {
            errors.add(new ConfigError(
                    EDGE + "cloudfront-service", "CLOUDFRONT or CLOUDFRONT_ORIGIN_FACING, was " + service));
        }
        Optional<Duration> staleAfter = c.staleAfter().map(t -> ConfigValues.duration(EDGE + "stale-after", t, errors));
        Duration fetchTimeout = ConfigValues.duration(EDGE + "fetch-timeout", c.fetchTimeout(), errors);
        Duration allowlistCheck = ConfigValues.positive(
                EDGE + "allowlist-check",
                ConfigValues.duration(EDGE + "allowlist-check", c.allowlistCheck(), errors),
                errors);
        if (errors.size() > before) {
            return invalid(c);
        }
        RangeSettings ranges = step(
                EDGE + "urls",
                () -> new RangeSettings(
                        provider,
                        urls,
                        chinaNetwork,
                        service,
                        maxShrink,
                        Path.of(c.cacheDir()),
                        staleAfter.orElse(refresh.multipliedBy(2)),
                        fetchTimeout,
                        ipv4,
                        ipv6),
                errors);
        return ranges == null ? invalid(c) : new EdgeSettings(enabled, ranges, refresh, allowlistCheck);
    }

    /** Disabled, with Cloudflare's built-in list in the configured cache directory: never fetches. */
    private static EdgeSettings invalid(EdgeConfig c) {
        Duration refresh = Duration.ofHours(6);
        RangeSettings ranges = new RangeSettings(
                Provider.CLOUDFLARE,
                List.of(),
                false,
                "CLOUDFRONT_ORIGIN_FACING",
                0,
                Path.of(c.cacheDir()),
                refresh.multipliedBy(2),
                Duration.ofSeconds(30));
        return new EdgeSettings(false, ranges, refresh, Duration.ofSeconds(60));
    }

    /**
     * The valid allowlists; an entry with an error (added to {@code errors}) is left out.
     *
     * @param kubernetes builds a Kubernetes source (kind, namespace, name); only called when one is configured,
     *                   so no cluster client exists otherwise
     */
    public static List<AllowlistDefinition> allowlists(
            AllowlistsConfig c,
            BiFunction<String, AllowlistsConfig.Kubernetes, AllowlistSource> kubernetes,
            List<ConfigError> errors) {
        List<AllowlistsConfig.Allowlist> all = c.allowlists().orElse(List.of());
        List<AllowlistDefinition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            AllowlistsConfig.Allowlist a = all.get(i);
            String key = "originwatch.allowlists[" + i + "]";
            int before = errors.size();
            if (!a.name().matches("[A-Za-z0-9_.-]+")) {
                errors.add(new ConfigError(
                        key + ".name", "letters, digits, '.', '_' and '-' only, was '" + a.name() + "'"));
            } else if (!names.add(a.name())) {
                errors.add(new ConfigError(key + ".name", "duplicate '" + a.name() + "'"));
            }
            if (a.file().isPresent() == a.kubernetes().isPresent()) {
                errors.add(new ConfigError(key, "set exactly one of file and kubernetes"));
                continue;
            }
            AllowlistFormat format = a.file().isEmpty()
                    ? null
                    : a.format()
                            .map(f -> step(key + ".format", () -> AllowlistFormat.fromLabel(f), errors))
                            .orElse(null);
            String kind = a.kubernetes().map(AllowlistsConfig.Kubernetes::kind).orElse(null);
            if (kind != null && !kind.equals("NetworkPolicy") && !kind.equals("Ingress")) {
                errors.add(new ConfigError(key + ".kubernetes.kind", "NetworkPolicy or Ingress, was '" + kind + "'"));
            }
            List<IPAddress> ignore = ignore(key, a.ignore().orElse(List.of()), errors);
            if (errors.size() > before) {
                continue;
            }
            AllowlistSource source = a.file().isPresent()
                    ? new FileAllowlistSource(Path.of(a.file().get()), format, a.chain())
                    : kubernetes.apply(a.name(), a.kubernetes().get());
            out.add(new AllowlistDefinition(a.name(), source, ignore));
        }
        return out;
    }

    private static List<IPAddress> ignore(String key, List<String> cidrs, List<ConfigError> errors) {
        List<IPAddress> out = new ArrayList<>();
        for (int i = 0; i < cidrs.size(); i++) {
            String c = cidrs.get(i);
            IPAddress a = step(key + ".ignore[" + i + "]", () -> Cidrs.parse(c, false), errors);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** {@code step}'s value, or null after adding its IllegalArgumentException's message under {@code key}. */
    private static <T> T step(String key, Supplier<T> step, List<ConfigError> errors) {
        return step(key, step, errors, null);
    }

    /** {@link #step} whose error message, when it echoes {@code url}, shows it redacted. */
    private static <T> T step(String key, Supplier<T> step, List<ConfigError> errors, String url) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(key, ConfigValues.redactedUrls(e.getMessage(), url)));
            return null;
        }
    }
}
