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
                                Set.of(
                                        "Role/originwatch-ingress-watcher",
                                        "RoleBinding/originwatch-ingress-watcher"))));
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
