package io.originwatch.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ingresses to origins: which become origins, their url, host, labels and settings, and what is skipped and why. */
class KubernetesDiscoveryTest {

    private static final KubernetesSettings ALL =
            new KubernetesSettings(List.of(), "https", "/", Duration.ofMinutes(10), false);

    private static IngressFacts ingress(
            String ns, String name, String address, Map<String, String> extra, String... hosts) {
        Map<String, String> a = new HashMap<>(extra);
        a.putIfAbsent(KubernetesDiscovery.PROBE, "true");
        return new IngressFacts(ns, name, a, Arrays.asList(hosts), address);
    }

    @Test
    void oneOriginPerRuleHostAtTheLoadBalancerAddress() {
        DiscoveryResult r = KubernetesDiscovery.of(
                List.of(ingress("shop", "web", "192.0.2.10", Map.of(), "Shop.Example.com", "api.example.com")), ALL);
        assertThat(r.origins())
                .containsExactly(
                        new DiscoveredOrigin(
                                "shop.example.com",
                                "https://192.0.2.10/",
                                "Shop.Example.com",
                                null,
                                Map.of("namespace", "shop", "ingress", "web")),
                        new DiscoveredOrigin(
                                "api.example.com",
                                "https://192.0.2.10/",
                                "api.example.com",
                                null,
                                Map.of("namespace", "shop", "ingress", "web")));
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void annotationsSetPathSchemePortAndHeaderLimit() {
        DiscoveryResult r = KubernetesDiscovery.of(
                List.of(ingress(
                        "shop",
                        "web",
                        "2001:db8::7",
                        Map.of(
                                KubernetesDiscovery.PATH, "/healthz",
                                KubernetesDiscovery.SCHEME, "HTTP",
                                KubernetesDiscovery.PORT, "8080",
                                KubernetesDiscovery.HEADER_LIMIT, "16384"),
                        "shop.example.com")),
                ALL);
        DiscoveredOrigin o = r.origins().get(0);
        assertThat(o.url()).isEqualTo("http://[2001:db8::7]:8080/healthz");
        assertThat(o.settings()).isEqualTo(Map.of("header-limit", "16384"));
    }

    @Test
    void theLoadBalancerHostnameServesWhenThereIsNoIp() {
        DiscoveryResult r = KubernetesDiscovery.of(
                List.of(ingress("shop", "web", "lb-1.elb.example.net", Map.of(), "shop.example.com")), ALL);
        assertThat(r.origins().get(0).url()).isEqualTo("https://lb-1.elb.example.net/");
    }

    @Test
    void unannotatedAndOtherNamespacesAreNotCandidates() {
        KubernetesSettings onlyShop =
                new KubernetesSettings(List.of("shop"), "https", "/", Duration.ofMinutes(10), false);
        DiscoveryResult r = KubernetesDiscovery.of(
                List.of(
                        ingress(
                                "shop",
                                "off",
                                "192.0.2.1",
                                Map.of(KubernetesDiscovery.PROBE, "false"),
                                "a.example.com"),
                        ingress("blog", "on", "192.0.2.2", Map.of(), "b.example.com"),
                        ingress("shop", "on", "192.0.2.3", Map.of(), "c.example.com")),
                onlyShop);
        assertThat(r.origins()).extracting(DiscoveredOrigin::name).containsExactly("c.example.com");
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void whatCannotBeProbedIsSkippedWithTheReason() {
        DiscoveryResult r = KubernetesDiscovery.of(
                List.of(
                        ingress("a", "pending", null, Map.of(), "p.example.com"),
                        ingress("b", "wild", "192.0.2.1", Map.of(), "*.example.com", null, "ok.example.com"),
                        ingress("c", "scheme", "192.0.2.1", Map.of(KubernetesDiscovery.SCHEME, "ftp"), "s.example.com"),
                        ingress("d", "path", "192.0.2.1", Map.of(KubernetesDiscovery.PATH, "healthz"), "t.example.com"),
                        ingress("e", "port", "192.0.2.1", Map.of(KubernetesDiscovery.PORT, "http"), "u.example.com"),
                        ingress("f", "again", "192.0.2.9", Map.of(), "ok.example.com")),
                ALL);
        assertThat(r.origins()).extracting(DiscoveredOrigin::name).containsExactly("ok.example.com");
        assertThat(r.skipped())
                .containsExactly(
                        new Skipped("a/pending", "no load-balancer address in its status yet"),
                        new Skipped("b/wild *.example.com", "wildcard host: no single site name to probe"),
                        new Skipped("b/wild", "a rule without host: no site name to send as Host and SNI"),
                        new Skipped("c/scheme", "originwatch.io/scheme must be http or https, got \"ftp\""),
                        new Skipped("d/path", "originwatch.io/path must start with / and hold no spaces or fragment"),
                        new Skipped("e/port", "originwatch.io/port must be a port number, got \"http\""),
                        new Skipped("f/again ok.example.com", "host already discovered from b/wild"));
    }
}
