package io.originwatch.api;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.originwatch.edge.ranges.RangeServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * fabric8's mock API server (CRUD mode, 127.0.0.1) holding one NetworkPolicy, plus a loopback range
 * server; the app's Kubernetes client is pointed at the mock through quarkus.kubernetes-client.*.
 */
public class KubernetesEdgeTestResource implements QuarkusTestResourceLifecycleManager {

    private KubernetesMockServer kube;
    private RangeServer ranges;

    @Override
    public Map<String, String> start() {
        kube = new KubernetesMockServer(
                new io.fabric8.mockwebserver.Context(),
                new MockWebServer(),
                new HashMap<>(),
                new KubernetesCrudDispatcher(),
                false);
        kube.init(InetAddress.getLoopbackAddress(), 0);
        try (KubernetesClient client = kube.createClient()) {
            client.network()
                    .v1()
                    .networkPolicies()
                    .inNamespace("shop")
                    .resource(new NetworkPolicyBuilder()
                            .withNewMetadata()
                            .withName("from-cdn")
                            .endMetadata()
                            .withNewSpec()
                            .addNewIngress()
                            .addNewFrom()
                            .withNewIpBlock()
                            .withCidr("104.16.0.0/13")
                            .endIpBlock()
                            .endFrom()
                            .addNewFrom()
                            .withNewIpBlock()
                            .withCidr("2606:4700::/32")
                            .endIpBlock()
                            .endFrom()
                            .endIngress()
                            .endSpec()
                            .build())
                    .create();
        }
        try {
            ranges = new RangeServer()
                    .serve("/ranges", RangeServer.Script.text("104.16.0.0/13\n172.64.0.0/13\n2606:4700::/32\n"));
            Map<String, String> config = new java.util.HashMap<>(Map.of(
                    "originwatch.edge.enabled", "true",
                    "originwatch.edge.provider", "custom",
                    "originwatch.edge.urls", ranges.url("/ranges").toString(),
                    "originwatch.edge.cache-dir",
                            Files.createTempDirectory("edge-kube-test").toString(),
                    "originwatch.allowlists[0].name", "k8s",
                    "originwatch.allowlists[0].kubernetes.kind", "NetworkPolicy",
                    "originwatch.allowlists[0].kubernetes.namespace", "shop",
                    "originwatch.allowlists[0].kubernetes.name", "from-cdn",
                    "quarkus.kubernetes-client.api-server-url", "http://127.0.0.1:" + kube.getPort(),
                    "quarkus.kubernetes-client.trust-certs", "true"));
            config.put(io.originwatch.testing.ApiToken.KEY, io.originwatch.testing.ApiToken.TOKEN);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (ranges != null) {
            ranges.close();
        }
        if (kube != null) {
            kube.destroy();
        }
    }
}
