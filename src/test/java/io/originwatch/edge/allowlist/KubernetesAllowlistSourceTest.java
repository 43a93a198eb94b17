package io.originwatch.edge.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.originwatch.edge.cidr.Cidrs;
import io.originwatch.edge.ranges.EdgeRanges;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both Kubernetes allowlist sources against fabric8's mock API server (CRUD mode, loopback). */
@EnableKubernetesMockClient(crud = true)
class KubernetesAllowlistSourceTest {

    static KubernetesClient client;

    private static List<String> read(String kind, String ns, String name) throws AllowlistParseException {
        return new KubernetesAllowlistSource(() -> client, kind, ns, name)
                .read().stream().map(Object::toString).toList();
    }

    @Test
    void networkPolicyIngressIpBlocksMinusExcept() throws AllowlistParseException {
        client.network()
                .v1()
                .networkPolicies()
                .inNamespace("shop")
                .resource(new NetworkPolicyBuilder()
                        .withNewMetadata()
                        .withName("from-cloudflare")
                        .endMetadata()
                        .withNewSpec()
                        .addNewIngress()
                        .addNewFrom()
                        .withNewIpBlock()
                        .withCidr("104.16.0.0/13")
                        .withExcept("104.16.0.0/16")
                        .endIpBlock()
                        .endFrom()
                        .addNewFrom()
                        .withNewPodSelector()
                        .addToMatchLabels("app", "monitor")
                        .endPodSelector()
                        .endFrom()
                        .endIngress()
                        .addNewIngress()
                        .addNewFrom()
                        .withNewIpBlock()
                        .withCidr("2400:cb00::/32")
                        .endIpBlock()
                        .endFrom()
                        .endIngress()
                        .endSpec()
                        .build())
                .create();

        assertThat(read("NetworkPolicy", "shop", "from-cloudflare"))
                .containsExactly("104.17.0.0/16", "104.18.0.0/15", "104.20.0.0/14", "2400:cb00::/32");
        assertThatThrownBy(() -> read("NetworkPolicy", "shop", "nope"))
                .hasMessage("kubernetes:NetworkPolicy/shop/nope: not found");
    }

    @Test
    void ingressWhitelistAnnotation() throws AllowlistParseException {
        client.network()
                .v1()
                .ingresses()
                .inNamespace("web")
                .resource(new IngressBuilder()
                        .withNewMetadata()
                        .withName("site")
                        .addToAnnotations(
                                KubernetesAllowlistSource.WHITELIST_ANNOTATION,
                                "173.245.48.0/20, 2606:4700::/32,198.51.100.7")
                        .endMetadata()
                        .withNewSpec()
                        .endSpec()
                        .build())
                .create();
        client.network()
                .v1()
                .ingresses()
                .inNamespace("web")
                .resource(new IngressBuilder()
                        .withNewMetadata()
                        .withName("plain")
                        .endMetadata()
                        .withNewSpec()
                        .endSpec()
                        .build())
                .create();
        client.network()
                .v1()
                .ingresses()
                .inNamespace("web")
                .resource(new IngressBuilder()
                        .withNewMetadata()
                        .withName("typo")
                        .addToAnnotations(
                                KubernetesAllowlistSource.WHITELIST_ANNOTATION, "173.245.48.0/20,173.245.48/20")
                        .endMetadata()
                        .withNewSpec()
                        .endSpec()
                        .build())
                .create();

        List<String> site = read("Ingress", "web", "site");
        assertThat(site).containsExactly("173.245.48.0/20", "2606:4700::/32", "198.51.100.7/32");
        assertThatThrownBy(() -> read("Ingress", "web", "plain"))
                .hasMessage("kubernetes:Ingress/web/plain: no annotation "
                        + KubernetesAllowlistSource.WHITELIST_ANNOTATION);
        assertThatThrownBy(() -> read("Ingress", "web", "typo"))
                .hasMessageStartingWith("kubernetes:Ingress/web/typo metadata.annotations["
                        + KubernetesAllowlistSource.WHITELIST_ANNOTATION + "][1]: not a CIDR: '173.245.48/20'");

        // and the drift it produces, IPv4 and IPv6
        List<IPAddress> published = List.of(Cidrs.parse("173.245.48.0/20", true), Cidrs.parse("2606:4700::/31", true));
        EdgeRanges ranges = EdgeRanges.of("cloudflare", "test", Instant.EPOCH, null, published);
        Drift d = Drift.between(
                ranges.all(), site.stream().map(s -> Cidrs.parse(s, true)).toList(), List.of());
        assertThat(d.missing()).extracting(Object::toString).containsExactly("2606:4701::/32");
        assertThat(d.extra()).extracting(Object::toString).containsExactly("198.51.100.7/32");
    }
}
