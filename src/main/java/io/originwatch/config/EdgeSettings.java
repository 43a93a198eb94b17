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

/** Maps the edge config to plain domain objects; every error names the key. */
public final class EdgeSettings {

    private EdgeSettings() {}

    public static RangeSettings ranges(EdgeConfig c) {
        Provider provider = wrap("originwatch.edge.provider", () -> Provider.fromLabel(c.provider()));
        List<URI> urls = new ArrayList<>();
        List<String> configured = c.urls().orElse(List.of());
        for (int i = 0; i < configured.size(); i++) {
            String u = configured.get(i).strip();
            URI uri = wrap("originwatch.edge.urls[" + i + "]", () -> URI.create(u));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException(
                        "originwatch.edge.urls[" + i + "]: scheme must be http or https: " + u);
            }
            urls.add(uri);
        }
        if (c.maxShrink() < 0 || c.maxShrink() > 1) {
            throw new IllegalArgumentException(
                    "originwatch.edge.max-shrink: must be between 0 and 1, was " + c.maxShrink());
        }
        if (c.minPrefixIpv4() < 1 || c.minPrefixIpv4() > 32) {
            throw new IllegalArgumentException(
                    "originwatch.edge.min-prefix-ipv4: must be 1..32, was " + c.minPrefixIpv4());
        }
        if (c.minPrefixIpv6() < 1 || c.minPrefixIpv6() > 128) {
            throw new IllegalArgumentException(
                    "originwatch.edge.min-prefix-ipv6: must be 1..128, was " + c.minPrefixIpv6());
        }
        String service = c.cloudfrontService();
        if (!service.equals("CLOUDFRONT") && !service.equals("CLOUDFRONT_ORIGIN_FACING")) {
            throw new IllegalArgumentException(
                    "originwatch.edge.cloudfront-service: CLOUDFRONT or CLOUDFRONT_ORIGIN_FACING, was " + service);
        }
        return wrap(
                "originwatch.edge.urls",
                () -> new RangeSettings(
                        provider,
                        urls,
                        c.chinaNetwork(),
                        service,
                        c.maxShrink(),
                        Path.of(c.cacheDir()),
                        c.staleAfter().orElse(c.refresh().multipliedBy(2)),
                        c.fetchTimeout(),
                        c.minPrefixIpv4(),
                        c.minPrefixIpv6()));
    }

    /**
     * @param kubernetes builds a Kubernetes source (kind, namespace, name); only called when one is configured,
     *                   so no cluster client exists otherwise
     */
    public static List<AllowlistDefinition> allowlists(
            AllowlistsConfig c, BiFunction<String, AllowlistsConfig.Kubernetes, AllowlistSource> kubernetes) {
        List<AllowlistsConfig.Allowlist> all = c.allowlists().orElse(List.of());
        List<AllowlistDefinition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            AllowlistsConfig.Allowlist a = all.get(i);
            String key = "originwatch.allowlists[" + i + "]";
            if (!a.name().matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException(
                        key + ".name: letters, digits, '.', '_' and '-' only, was '" + a.name() + "'");
            }
            if (!names.add(a.name())) {
                throw new IllegalArgumentException(key + ".name: duplicate '" + a.name() + "'");
            }
            if (a.file().isPresent() == a.kubernetes().isPresent()) {
                throw new IllegalArgumentException(key + ": set exactly one of file and kubernetes");
            }
            AllowlistSource source;
            if (a.file().isPresent()) {
                AllowlistFormat format = a.format().isEmpty()
                        ? null
                        : wrap(
                                key + ".format",
                                () -> AllowlistFormat.fromLabel(a.format().get()));
                source = new FileAllowlistSource(Path.of(a.file().get()), format, a.chain());
            } else {
                String kind = a.kubernetes().get().kind();
                if (!kind.equals("NetworkPolicy") && !kind.equals("Ingress")) {
                    throw new IllegalArgumentException(
                            key + ".kubernetes.kind: NetworkPolicy or Ingress, was '" + kind + "'");
                }
                source = kubernetes.apply(a.name(), a.kubernetes().get());
            }
            out.add(new AllowlistDefinition(
                    a.name(), source, ignore(key, a.ignore().orElse(List.of()))));
        }
        return out;
    }

    private static List<IPAddress> ignore(String key, List<String> cidrs) {
        List<IPAddress> out = new ArrayList<>();
        for (int i = 0; i < cidrs.size(); i++) {
            String c = cidrs.get(i);
            out.add(wrap(key + ".ignore[" + i + "]", () -> Cidrs.parse(c, false)));
        }
        return out;
    }

    private interface Step<T> {
        T get();
    }

    private static <T> T wrap(String key, Step<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
