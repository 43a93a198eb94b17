package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kustomization under deploy/kubernetes renders with the real kubectl, yields exactly the
 * objects it promises with the API versions a current cluster serves, and every component is
 * rendered through at least one overlay (a component cannot be built on its own).
 */
class KustomizationRenderTest {

    private static final String NAMESPACE = "originwatch";

    /** kind -> apiVersion every object of that kind must use (current, non-deprecated groups). */
    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("ServiceAccount", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("Role", "rbac.authorization.k8s.io/v1"),
            Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"),
            Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"),
            Map.entry("PrometheusRule", "monitoring.coreos.com/v1"));

    record Expected(String dir, Set<String> objects) {
        @Override
        public String toString() {
            return dir;
        }
    }

    private static final Set<String> BASE = Set.of(
            "Namespace/originwatch",
            "ServiceAccount/originwatch",
            "ConfigMap/originwatch-origins",
            "Service/originwatch",
            "Deployment/originwatch",
            "NetworkPolicy/originwatch");

    static Stream<Expected> kustomizations() {
        return Stream.of(
                new Expected("base", BASE),
                new Expected(
                        "overlays/prometheus-operator",
                        union(
                                BASE,
                                Set.of(
                                        "ServiceMonitor/originwatch",
                                        "PrometheusRule/originwatch",
                                        "ConfigMap/originwatch-dashboard"))),
                new Expected(
                        "overlays/kubernetes-allowlists",
                        union(
                                BASE,
                                Set.of(
                                        "Role/originwatch-allowlist-reader",
                                        "RoleBinding/originwatch-allowlist-reader"))),
                new Expected(
                        "overlays/kubernetes-discovery",
                        union(
                                BASE,
                                Set.of("Role/originwatch-ingress-watcher", "RoleBinding/originwatch-ingress-watcher"))),
                new Expected(
                        "overlays/cluster",
                        union(
                                BASE,
                                Set.of(
                                        "Service/originwatch-cluster",
                                        "PodDisruptionBudget/originwatch",
                                        "NetworkPolicy/originwatch-cluster"))));
    }

    /**
     * The cluster overlay (issue 14): 3 replicas on distinct nodes, discovery through a headless
     * Service that publishes not-ready pods, min-members 2 kept by the PodDisruptionBudget and a
     * one-at-a-time rollout, Hazelcast bound to the pod's own address, and 5701 admitted only from
     * originwatch pods.
     */
    @Test
    void theClusterOverlayRunsThreeMembersThatFindAndOnlyAdmitEachOther() {
        List<JsonNode> objects = Kustomize.render(Kustomize.KUBERNETES_DIR.resolve("overlays/cluster"));
        JsonNode deployment = Kustomize.find(objects, "Deployment", "originwatch");
        JsonNode pod = deployment.at("/spec/template");
        JsonNode podLabels = pod.at("/metadata/labels");
        JsonNode container = pod.at("/spec/containers/0");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt())
                .isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt())
                .isZero();

        JsonNode antiAffinity =
                pod.at("/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
        assertThat(antiAffinity.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertSelects(antiAffinity.at("/labelSelector/matchLabels"), podLabels, "anti-affinity");

        assertThat(DeploymentManifestTest.env(container, "ORIGINWATCH_CLUSTER_ENABLED"))
                .isEqualTo("true");
        assertThat(DeploymentManifestTest.env(container, "ORIGINWATCH_CLUSTER_MIN_MEMBERS"))
                .isEqualTo("2");
        String bind = DeploymentManifestTest.env(container, "ORIGINWATCH_CLUSTER_BIND");
        assertThat(bind)
                .as("Hazelcast bound to the pod's address")
                .isEqualTo("$(POD_IP):5701")
                .doesNotContain("0.0.0.0");
        JsonNode env = container.path("env");
        assertThat(env.get(0).path("name").asText())
                .as("POD_IP defined before the variables that expand it")
                .isEqualTo("POD_IP");
        assertThat(env.get(0).at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("status.podIP");
        assertThat(DeploymentManifestTest.namedPort(container, "hazelcast")).isEqualTo(5701);

        JsonNode headless = Kustomize.find(objects, "Service", "originwatch-cluster");
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean())
                .as("members find each other before they are ready (ready needs min-members)")
                .isTrue();
        assertThat(headless.at("/spec/ports/0/port").asInt()).isEqualTo(5701);
        assertThat(headless.at("/spec/ports/0/targetPort").asText()).isEqualTo("hazelcast");
        assertSelects(headless.at("/spec/selector"), podLabels, "headless Service");
        assertThat(DeploymentManifestTest.env(container, "ORIGINWATCH_CLUSTER_KUBERNETES_SERVICE"))
                .isEqualTo("originwatch-cluster."
                        + headless.at("/metadata/namespace").asText() + ".svc.cluster.local");

        JsonNode pdb = Kustomize.find(objects, "PodDisruptionBudget", "originwatch");
        assertThat(pdb.at("/spec/minAvailable").asInt())
                .as("PDB keeps min-members running")
                .isEqualTo(2);
        assertSelects(pdb.at("/spec/selector/matchLabels"), podLabels, "PodDisruptionBudget");

        JsonNode policy = Kustomize.find(objects, "NetworkPolicy", "originwatch-cluster");
        assertSelects(policy.at("/spec/podSelector/matchLabels"), podLabels, "NetworkPolicy");
        assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\"]");
        JsonNode ingress = policy.at("/spec/ingress");
        assertThat(ingress.size()).isEqualTo(1);
        assertThat(ingress.at("/0/ports").size()).isEqualTo(1);
        assertThat(ingress.at("/0/ports/0/port").asInt()).isEqualTo(5701);
        JsonNode from = ingress.at("/0/from");
        assertThat(from.size()).isEqualTo(1);
        assertThat(from.get(0).has("namespaceSelector") || from.get(0).has("ipBlock"))
                .as("5701 from originwatch pods of this namespace only")
                .isFalse();
        assertSelects(from.get(0).at("/podSelector/matchLabels"), podLabels, "NetworkPolicy from");
    }

    /** A non-empty selector whose every label the pods carry. */
    private static void assertSelects(JsonNode matchLabels, JsonNode podLabels, String what) {
        assertThat(matchLabels.size()).as("%s selector", what).isPositive();
        matchLabels
                .fields()
                .forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText())
                        .as("%s selects pod label %s", what, e.getKey())
                        .isEqualTo(e.getValue().asText()));
    }

    @Test
    void everyKustomizationIsCovered() {
        List<Path> onDisk = Kustomize.kustomizations("Kustomization");
        List<Path> tested = kustomizations()
                .map(e -> Kustomize.KUBERNETES_DIR.resolve(e.dir()))
                .toList();
        assertThat(onDisk)
                .as("kustomizations under %s with an expectation in this test", Kustomize.KUBERNETES_DIR)
                .containsExactlyInAnyOrderElementsOf(tested);
    }

    @Test
    void everyComponentIsUsedByAnOverlay() throws IOException {
        List<Path> components = Kustomize.kustomizations("Component");
        assertThat(components).isNotEmpty();
        List<String> overlays = new ArrayList<>();
        for (Path dir : Kustomize.kustomizations("Kustomization")) {
            overlays.add(Files.readString(dir.resolve("kustomization.yaml")));
        }
        for (Path component : components) {
            String ref = "../../components/" + component.getFileName();
            assertThat(overlays).as("some overlay lists component %s", ref).anyMatch(text -> text.contains(ref));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void rendersExactlyTheExpectedObjects(Expected expected) {
        List<JsonNode> objects = Kustomize.render(Kustomize.KUBERNETES_DIR.resolve(expected.dir()));
        List<String> names = objects.stream()
                .map(o -> o.path("kind").asText() + "/"
                        + o.path("metadata").path("name").asText())
                .toList();
        assertThat(names)
                .as("objects rendered from %s", expected.dir())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.objects());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyObjectHasItsApiVersionNameAndNamespace(Expected expected) {
        for (JsonNode o : Kustomize.render(Kustomize.KUBERNETES_DIR.resolve(expected.dir()))) {
            String kind = o.path("kind").asText();
            String name = o.path("metadata").path("name").asText();
            assertThat(API_VERSIONS).as("known kind in %s", expected.dir()).containsKey(kind);
            assertThat(o.path("apiVersion").asText())
                    .as("%s/%s apiVersion", kind, name)
                    .isEqualTo(API_VERSIONS.get(kind));
            assertThat(name).as("%s metadata.name", kind).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            String namespace = o.path("metadata").path("namespace").asText();
            if (kind.equals("Namespace")) {
                assertThat(namespace).as("Namespace has no namespace").isEmpty();
            } else {
                assertThat(namespace).as("%s/%s namespace", kind, name).isEqualTo(NAMESPACE);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
