package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who can reach the pod and where its token comes from, as kubectl renders the base and each
 * overlay: a NetworkPolicy admitting port 8080 only from Prometheus in the monitoring namespace
 * (its labels written once, in base/networkpolicy.yaml), and the API token read from the Secret
 * originwatch-api-token as a file (re-read on rotation), never as a literal in the manifests.
 */
class NetworkAccessManifestTest {

    static Stream<String> renderings() {
        return Stream.of("base", "overlays/prometheus-operator", "overlays/kubernetes-allowlists");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void ingressOnlyFromPrometheusToTheHttpPort(String dir) {
        List<JsonNode> objects = Kustomize.render(Kustomize.KUBERNETES_DIR.resolve(dir));
        JsonNode policy = Kustomize.find(objects, "NetworkPolicy", "originwatch");
        JsonNode deployment = Kustomize.find(objects, "Deployment", "originwatch");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        policy.at("/spec/podSelector/matchLabels")
                .fields()
                .forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText())
                        .as("the policy selects the daemon's pod by " + e.getKey())
                        .isEqualTo(e.getValue().asText()));
        assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\"]");
        JsonNode ingress = policy.at("/spec/ingress");
        assertThat(ingress.size()).as("one ingress rule").isEqualTo(1);
        JsonNode from = ingress.at("/0/from");
        assertThat(from.size()).isEqualTo(1);
        assertThat(from.at("/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                        .asText())
                .isEqualTo("monitoring");
        assertThat(from.at("/0/podSelector").toString())
                .as("Prometheus's pods, and nothing of originwatch's own labels")
                .isEqualTo("{\"matchExpressions\":[{\"key\":\"app.kubernetes.io/name\",\"operator\":\"In\","
                        + "\"values\":[\"prometheus\"]}]}");
        assertThat(from.at("/0/namespaceSelector").toString())
                .isEqualTo("{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}");
        assertThat(from.at("/0/ipBlock").isMissingNode())
                .as("no address blocks")
                .isTrue();
        assertThat(ingress.at("/0/ports").toString()).isEqualTo("[{\"port\":8080,\"protocol\":\"TCP\"}]");
        assertThat(ingress.at("/0/ports/0/port").asInt())
                .as("the container port")
                .isEqualTo(deployment
                        .at("/spec/template/spec/containers/0/ports/0/containerPort")
                        .asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theTokenComesFromTheSecretAsAFile(String dir) {
        List<JsonNode> objects = Kustomize.render(Kustomize.KUBERNETES_DIR.resolve(dir));
        assertThat(objects)
                .as("no Secret is shipped: a token in a repository is no secret")
                .noneMatch(o -> o.path("kind").asText().equals("Secret"));
        JsonNode deployment = Kustomize.find(objects, "Deployment", "originwatch");
        JsonNode c = deployment.at("/spec/template/spec/containers/0");
        String tokenFile = DeploymentManifestTest.env(c, "ORIGINWATCH_API_TOKEN_FILE");
        assertThat(tokenFile).isNotNull();
        assertThat(DeploymentManifestTest.env(c, "ORIGINWATCH_API_TOKEN"))
                .as("no literal token")
                .isNull();
        JsonNode mount = null;
        for (JsonNode m : c.path("volumeMounts")) {
            if (m.path("name").asText().equals("api-token")) {
                mount = m;
            }
        }
        assertThat(mount).isNotNull();
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        assertThat(mount.has("subPath"))
                .as("a directory mount, so a rotated Secret reaches the pod")
                .isFalse();
        assertThat(Path.of(tokenFile)).isEqualTo(Path.of(mount.path("mountPath").asText(), "token"));
        JsonNode volume = null;
        for (JsonNode v : deployment.at("/spec/template/spec/volumes")) {
            if (v.path("name").asText().equals("api-token")) {
                volume = v;
            }
        }
        assertThat(volume).isNotNull();
        assertThat(volume.at("/secret/secretName").asText()).isEqualTo("originwatch-api-token");
        assertThat(volume.at("/secret/optional").asBoolean(false))
                .as("without the Secret the pod waits instead of starting without a token")
                .isFalse();
    }

    @org.junit.jupiter.api.Test
    void thePolicyLabelsAreWrittenInOnePlace() throws IOException {
        long files;
        try (Stream<Path> all = Files.walk(Kustomize.KUBERNETES_DIR)) {
            files = all.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("kubernetes.io/metadata.name: monitoring");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .count();
        }
        assertThat(files).isEqualTo(1);
    }
}
