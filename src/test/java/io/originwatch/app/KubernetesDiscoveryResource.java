package io.originwatch.app;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.originwatch.discovery.KubernetesDiscovery;
import io.originwatch.testing.FakeOrigin;
import io.originwatch.testing.FakeOriginTestResource;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes discovery against fabric8's mock API server in CRUD mode (127.0.0.1), namespace {@code shop}
 * watched: Ingress {@code web} (annotated, three hosts, its load balancer at 127.0.0.1, port and path
 * annotations pointing at a fake origin's {@code /ok}), {@code news} (annotated, one host), {@code wild} (annotated, a wildcard host: skipped)
 * and {@code plain} (not annotated: not a candidate); {@code elsewhere} in another namespace.
 */
public class KubernetesDiscoveryResource extends FakeOriginTestResource {

    static KubernetesMockServer kube;
    static FakeOrigin origin;

    static Ingress ingress(String ns, String name, Map<String, String> annotations, String... hosts) {
        IngressBuilder b = new IngressBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .endSpec();
        for (String h : hosts) {
            b.editSpec().addNewRule().withHost(h).endRule().endSpec();
        }
        return b.withNewStatus()
                .withNewLoadBalancer()
                .addNewIngress()
                .withIp("127.0.0.1")
                .endIngress()
                .endLoadBalancer()
                .endStatus()
                .build();
    }

    static Map<String, String> probed() {
        return Map.of(
                KubernetesDiscovery.PROBE, "true",
                KubernetesDiscovery.SCHEME, "http",
                KubernetesDiscovery.PORT, String.valueOf(origin.url("/").getPort()),
                KubernetesDiscovery.PATH, "/ok",
                KubernetesDiscovery.HEADER_LIMIT, "4096");
    }

    @Override
    protected Map<String, String> config(FakeOrigin fake) throws IOException {
        origin = fake;
        kube = new KubernetesMockServer(
                new io.fabric8.mockwebserver.Context(),
                new MockWebServer(),
                new HashMap<>(),
                new KubernetesCrudDispatcher(),
                false);
        kube.init(InetAddress.getLoopbackAddress(), 0);
        try (KubernetesClient client = kube.createClient()) {
            for (Ingress i : List.of(
                    ingress("shop", "web", probed(), "shop.example.test", "api.example.test", "www.example.test"),
                    ingress("shop", "news", probed(), "news.example.test"),
                    ingress("shop", "wild", probed(), "*.example.test"),
                    ingress("shop", "plain", Map.of(), "plain.example.test"),
                    ingress("blog", "elsewhere", probed(), "blog.example.test"))) {
                client.resource(i).create();
            }
        }
        return Map.ofEntries(
                Map.entry(
                        "originwatch.discovery.cache-dir",
                        Files.createTempDirectory("originwatch-kube-discovery").toString()),
                Map.entry("originwatch.discovery.kubernetes.enabled", "true"),
                Map.entry("originwatch.discovery.kubernetes.namespaces[0]", "shop"),
                Map.entry("originwatch.discovery.kubernetes.defaults.interval", "1s"),
                Map.entry("quarkus.kubernetes-client.api-server-url", "http://127.0.0.1:" + kube.getPort()),
                Map.entry("quarkus.kubernetes-client.trust-certs", "true"));
    }

    @Override
    public void stop() {
        super.stop();
        kube.destroy();
    }
}
