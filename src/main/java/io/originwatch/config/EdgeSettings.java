package io.originwatch.config;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.allowlist.AllowlistDefinition;
import io.originwatch.edge.allowlist.AllowlistFormat;
import io.originwatch.edge.allowlist.AllowlistSource;
import io.originwatch.edge.allowlist.FileAllowlistSource;
import io.originwatch.edge.cidr.Cidrs;
import io.originwatch.edge.ranges.Provider;
import io.originwatch.edge.ranges.RangeSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Maps the edge config to plain domain objects. Never stops at the first problem: every error names
 * its key and goes to the caller's {@link ConfigError} list, so the daemon reports them with every
 * other area's ({@link SettingsLoader#load()}).
 */
public final class EdgeSettings {

    private static final String EDGE = "originwatch.edge.";

    private EdgeSettings() {}

    /**
     * The range settings; with any error (each added to {@code errors}) the provider's built-in
     * defaults instead, which the daemon never fetches with since it refuses to start.
     */
    public static RangeSettings ranges(EdgeConfig c, List<ConfigError> errors) {
        int before = errors.size();
        Provider provider = step(EDGE + "provider", () -> Provider.fromLabel(c.provider()), errors);
        List<URI> urls = new ArrayList<>();
        List<String> configured = c.urls().orElse(List.of());
        for (int i = 0; i < configured.size(); i++) {
            String u = configured.get(i).strip();
            String key = EDGE + "urls[" + i + "]";
            URI uri = step(key, () -> URI.create(u), errors);
            if (uri != null && !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                errors.add(new ConfigError(key, "scheme must be http or https: " + u));
            } else if (uri != null) {
                urls.add(uri);
            }
        }
        if (c.maxShrink() < 0 || c.maxShrink() > 1) {
            errors.add(new ConfigError(EDGE + "max-shrink", "must be between 0 and 1, was " + c.maxShrink()));
        }
        if (c.minPrefixIpv4() < 1 || c.minPrefixIpv4() > 32) {
            errors.add(new ConfigError(EDGE + "min-prefix-ipv4", "must be 1..32, was " + c.minPrefixIpv4()));
        }
        if (c.minPrefixIpv6() < 1 || c.minPrefixIpv6() > 128) {
            errors.add(new ConfigError(EDGE + "min-prefix-ipv6", "must be 1..128, was " + c.minPrefixIpv6()));
        }
        String service = c.cloudfrontService();
        if (!service.equals("CLOUDFRONT") && !service.equals("CLOUDFRONT_ORIGIN_FACING")) {
            errors.add(new ConfigError(
                    EDGE + "cloudfront-service", "CLOUDFRONT or CLOUDFRONT_ORIGIN_FACING, was " + service));
        }
        if (errors.size() > before) {
            return settings(c, Provider.CLOUDFLARE, List.of(), "CLOUDFRONT_ORIGIN_FACING", 0);
        }
        RangeSettings s = step(EDGE + "urls", () -> settings(c, provider, urls, service, c.maxShrink()), errors);
        return s != null ? s : settings(c, Provider.CLOUDFLARE, List.of(), "CLOUDFRONT_ORIGIN_FACING", 0);
    }

    private static RangeSettings settings(
            EdgeConfig c, Provider provider, List<URI> urls, String service, double maxShrink) {
        return new RangeSettings(
                provider,
                urls,
                c.chinaNetwork(),
                service,
                maxShrink,
                Path.of(c.cacheDir()),
                c.staleAfter().orElse(c.refresh().multipliedBy(2)),
                c.fetchTimeout(),
                Math.clamp(c.minPrefixIpv4(), 1, 32),
                Math.clamp(c.minPrefixIpv6(), 1, 128));
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
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(key, e.getMessage()));
            return null;
        }
    }
}
