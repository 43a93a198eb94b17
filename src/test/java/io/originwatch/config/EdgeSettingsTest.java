package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.edge.allowlist.AllowlistDefinition;
import io.originwatch.edge.allowlist.AllowlistParseException;
import io.originwatch.edge.allowlist.AllowlistSource;
import io.originwatch.edge.ranges.Provider;
import io.originwatch.edge.ranges.RangeSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Config to domain mapping: defaults, and every invalid value named by its key. */
class EdgeSettingsTest {

    record Edge(String provider, Optional<List<String>> urls, String maxShrink, String cloudfrontService)
            implements EdgeConfig {
        static Edge of(String provider, String... urls) {
            return new Edge(
                    provider,
                    urls.length == 0 ? Optional.empty() : Optional.of(List.of(urls)),
                    "0.3",
                    "CLOUDFRONT_ORIGIN_FACING");
        }

        public String enabled() {
            return "true";
        }

        public String refresh() {
            return "6h";
        }

        public String cacheDir() {
            return "target/x";
        }

        public String chinaNetwork() {
            return "false";
        }

        public Optional<String> staleAfter() {
            return Optional.empty();
        }

        public String fetchTimeout() {
            return "30s";
        }

        public String allowlistCheck() {
            return "60s";
        }

        public String minPrefixIpv4() {
            return "8";
        }

        public String minPrefixIpv6() {
            return "16";
        }
    }

    record Kube(String kind, String namespace, String name) implements AllowlistsConfig.Kubernetes {}

    record Entry(
            String name,
            Optional<String> file,
            Optional<String> format,
            String chain,
            Optional<AllowlistsConfig.Kubernetes> kubernetes,
            Optional<List<String>> ignore)
            implements AllowlistsConfig.Allowlist {
        static Entry file(String name, String file) {
            return new Entry(name, Optional.of(file), Optional.empty(), "INPUT", Optional.empty(), Optional.empty());
        }
    }

    record Lists(Optional<List<AllowlistsConfig.Allowlist>> allowlists) implements AllowlistsConfig {
        static Lists of(AllowlistsConfig.Allowlist... a) {
            return new Lists(Optional.of(List.of(a)));
        }
    }

    private static final AllowlistSource NO_KUBE = new AllowlistSource() {
        public String describe() {
            return "unused";
        }

        public List<inet.ipaddr.IPAddress> read() throws AllowlistParseException {
            throw new AllowlistParseException("unused");
        }
    };

    @Test
    void defaultsPerProvider() {
        List<ConfigError> errors = new ArrayList<>();
        EdgeSettings edge = EdgeSettings.from(Edge.of("cloudflare"), errors);
        assertThat(errors).isEmpty();
        assertThat(edge.enabled()).isTrue();
        assertThat(edge.refresh()).isEqualTo(Duration.ofHours(6));
        assertThat(edge.allowlistCheck()).isEqualTo(Duration.ofSeconds(60));
        RangeSettings s = edge.ranges();
        assertThat(s.provider()).isEqualTo(Provider.CLOUDFLARE);
        assertThat(s.urls()).containsExactly(URI.create("https://api.cloudflare.com/client/v4/ips"));
        assertThat(s.staleAfter()).isEqualTo(Duration.ofHours(12));
    }

    record Bad(String name, EdgeConfig config, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badEdge() {
        return Stream.of(
                new Bad("unknown provider", Edge.of("akamai"), "originwatch.edge.provider: unknown provider 'akamai'"),
                new Bad(
                        "custom without urls",
                        Edge.of("custom"),
                        "originwatch.edge.urls: provider custom has no default URL, configure at least one"),
                new Bad(
                        "ftp url",
                        Edge.of("custom", "ftp://127.0.0.1/list"),
                        "originwatch.edge.urls[0]: scheme must be http or https"),
                new Bad(
                        "shrink above 1",
                        new Edge("cloudflare", Optional.empty(), "1.5", "CLOUDFRONT"),
                        "originwatch.edge.max-shrink: must be between 0 and 1, was 1.5"),
                new Bad(
                        "shrink not a number",
                        new Edge("cloudflare", Optional.empty(), "lots", "CLOUDFRONT"),
                        "originwatch.edge.max-shrink: must be a number, got \"lots\""),
                new Bad(
                        "shrink not finite",
                        new Edge("cloudflare", Optional.empty(), "NaN", "CLOUDFRONT"),
                        "originwatch.edge.max-shrink: must be a number, got \"NaN\""),
                new Bad(
                        "cloudfront service",
                        new Edge("cloudfront", Optional.empty(), "0.3", "EC2"),
                        "originwatch.edge.cloudfront-service: CLOUDFRONT or CLOUDFRONT_ORIGIN_FACING, was EC2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdge")
    void invalidEdgeConfigNamesTheKey(Bad b) {
        List<ConfigError> errors = new ArrayList<>();
        EdgeSettings s = EdgeSettings.from(b.config(), errors);
        assertThat(s.enabled()).as("an invalid edge config never fetches").isFalse();
        assertThat(errors).singleElement().asString().startsWith(b.message());
    }

    record BadList(String name, AllowlistsConfig config, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadList> badAllowlists() {
        return Stream.of(
                new BadList(
                        "duplicate name",
                        Lists.of(Entry.file("a", "/x"), Entry.file("a", "/y")),
                        "originwatch.allowlists[1].name: duplicate 'a'"),
                new BadList(
                        "name with slash",
                        Lists.of(Entry.file("a/b", "/x")),
                        "originwatch.allowlists[0].name: letters, digits"),
                new BadList(
                        "neither file nor kubernetes",
                        Lists.of(new Entry(
                                "a", Optional.empty(), Optional.empty(), "INPUT", Optional.empty(), Optional.empty())),
                        "originwatch.allowlists[0]: set exactly one of file and kubernetes"),
                new BadList(
                        "unknown format",
                        Lists.of(new Entry(
                                "a",
                                Optional.of("/x"),
                                Optional.of("pf"),
                                "INPUT",
                                Optional.empty(),
                                Optional.empty())),
                        "originwatch.allowlists[0].format: unknown allowlist format 'pf'"),
                new BadList(
                        "bad ignore",
                        Lists.of(new Entry(
                                "a",
                                Optional.of("/x"),
                                Optional.empty(),
                                "INPUT",
                                Optional.empty(),
                                Optional.of(List.of("10.0.0.0/8", "office")))),
                        "originwatch.allowlists[0].ignore[1]: not a CIDR: 'office'"),
                new BadList(
                        "kubernetes kind",
                        Lists.of(new Entry(
                                "a",
                                Optional.empty(),
                                Optional.empty(),
                                "INPUT",
                                Optional.of(new Kube("Service", "default", "x")),
                                Optional.empty())),
                        "originwatch.allowlists[0].kubernetes.kind: NetworkPolicy or Ingress, was 'Service'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAllowlists")
    void invalidAllowlistNamesTheKey(BadList b) {
        List<ConfigError> errors = new ArrayList<>();
        assertThat(EdgeSettings.allowlists(b.config(), (n, k) -> NO_KUBE, errors))
                .as("an allowlist with an error is left out")
                .hasSizeLessThan(b.config().allowlists().orElseThrow().size());
        assertThat(errors).singleElement().asString().startsWith(b.message());
    }

    @Test
    void kubernetesFactoryOnlyCalledForKubernetesEntries() {
        List<String> calls = new ArrayList<>();
        List<ConfigError> errors = new ArrayList<>();
        List<AllowlistDefinition> defs = EdgeSettings.allowlists(
                Lists.of(
                        Entry.file("f", "/x"),
                        new Entry(
                                "k",
                                Optional.empty(),
                                Optional.empty(),
                                "INPUT",
                                Optional.of(new Kube("Ingress", "web", "site")),
                                Optional.of(List.of("203.0.113.0/24")))),
                (n, k) -> {
                    calls.add(n + " " + k.kind() + "/" + k.namespace() + "/" + k.name());
                    return NO_KUBE;
                },
                errors);
        assertThat(errors).isEmpty();
        assertThat(calls).containsExactly("k Ingress/web/site");
        assertThat(defs).extracting(AllowlistDefinition::name).containsExactly("f", "k");
        assertThat(defs.get(1).ignore()).extracting(Object::toString).containsExactly("203.0.113.0/24");
        assertThat(EdgeSettings.allowlists(new Lists(Optional.empty()), (n, k) -> NO_KUBE, errors))
                .isEmpty();
    }
}
