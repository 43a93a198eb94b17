package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Deployment and Service as rendered by the base and by every overlay: the pod is hardened
 * (restricted Pod Security Standard and then some), probes and ports agree with the application's
 * own settings, and the origins file and ranges cache are mounted where the env vars say.
 */
class DeploymentManifestTest {

    static Stream<String> renderings() {
        return Stream.of("base", "overlays/prometheus-operator", "overlays/kubernetes-allowlists", "overlays/cluster");
    }

    private static List<JsonNode> render(String dir) {
        return Kustomize.render(Kustomize.KUBERNETES_DIR.resolve(dir));
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers.size()).as("containers in the Deployment").isEqualTo(1);
        return containers.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void podIsHardened(String dir) {
        JsonNode deployment = Kustomize.find(render(dir), "Deployment", "originwatch");
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean())
                .as("pod runAsNonRoot")
                .isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt())
                .as("pod runAsUser")
                .isPositive();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("hostNetwork").asBoolean(false)).as("hostNetwork").isFalse();
        int grace = pod.path("terminationGracePeriodSeconds").asInt();
        assertThat(grace).as("terminationGracePeriodSeconds").isBetween(10, 180);
        AppSettings.shutdownTimeout()
                .ifPresent(timeout -> assertThat(grace)
                        .as(
                                "grace period outlasts quarkus.shutdown.timeout %s, so SIGKILL never cuts the shutdown",
                                timeout)
                        .isGreaterThan((int) timeout.toSeconds()));
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("originwatch");

        JsonNode sc = container(deployment).path("securityContext");
        assertThat(sc.path("runAsNonRoot").asBoolean())
                .as("container runAsNonRoot")
                .isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").isBoolean()
                        && !sc.path("allowPrivilegeEscalation").asBoolean())
                .as("allowPrivilegeEscalation is explicitly false")
                .isTrue();
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean())
                .as("readOnlyRootFilesystem")
                .isTrue();
        assertThat(sc.path("privileged").asBoolean(false)).as("privileged").isFalse();
        assertThat(texts(sc.at("/capabilities/drop")))
                .as("capabilities dropped")
                .containsExactly("ALL");
        assertThat(sc.at("/capabilities/add").isMissingNode())
                .as("no capabilities added")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void resourcesAreRequestedAndLimited(String dir) {
        JsonNode resources = container(Kustomize.find(render(dir), "Deployment", "originwatch"))
                .path("resources");
        for (String path : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
            assertThat(resources.at(path).asText()).as("resources%s", path).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void probesUseTheHealthPathsOnTheAppPort(String dir) {
        JsonNode c = container(Kustomize.find(render(dir), "Deployment", "originwatch"));
        int containerPort = namedPort(c, "http");
        assertThat(containerPort)
                .as("container port 'http' = quarkus.http.port")
                .isEqualTo(AppSettings.httpPort());
        assertProbe(c, "livenessProbe", AppSettings.LIVENESS_PATH);
        assertProbe(c, "readinessProbe", AppSettings.READINESS_PATH);
        assertProbe(c, "startupProbe", AppSettings.STARTUP_PATH);
        assertThat(env(c, "QUARKUS_HTTP_PORT"))
                .as("no env override of the port the probes rely on")
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void serviceTargetsTheContainerPortAndAnnotatesTheScrape(String dir) {
        List<JsonNode> objects = render(dir);
        JsonNode c = container(Kustomize.find(objects, "Deployment", "originwatch"));
        JsonNode service = Kustomize.find(objects, "Service", "originwatch");
        JsonNode port = service.at("/spec/ports/0");
        assertThat(port.path("name").asText()).isEqualTo("http");
        JsonNode target = port.path("targetPort");
        int targetPort = target.isInt() ? target.asInt() : namedPort(c, target.asText());
        assertThat(targetPort)
                .as("Service targetPort resolves to the container port")
                .isEqualTo(AppSettings.httpPort());
        JsonNode annotations = service.at("/metadata/annotations");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(AppSettings.httpPort()));
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(AppSettings.METRICS_PATH);
        assertThat(annotations.path("prometheus.io/scrape").asText()).isIn("true", "false");
        JsonNode selector = service.at("/spec/selector");
        JsonNode podLabels =
                Kustomize.find(objects, "Deployment", "originwatch").at("/spec/template/metadata/labels");
        selector.fields()
                .forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText())
                        .as("pod label %s selected by the Service", e.getKey())
                        .isEqualTo(e.getValue().asText()));
        assertThat(selector.size()).as("Service selector labels").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void originsFileAndCacheAreMountedWhereTheDaemonLooks(String dir) {
        List<JsonNode> objects = render(dir);
        JsonNode deployment = Kustomize.find(objects, "Deployment", "originwatch");
        JsonNode c = container(deployment);
        assertThat(env(c, "QUARKUS_LOG_CONSOLE_JSON")).as("JSON logs").isEqualTo("true");

        JsonNode originsMount = mount(c, "origins");
        assertThat(originsMount.has("subPath"))
                .as("origins mounted as a directory (a subPath never sees updates)")
                .isFalse();
        Path originsFile = Path.of(env(c, "ORIGINWATCH_ORIGINS_FILE"));
        assertThat(originsFile.getParent())
                .isEqualTo(Path.of(originsMount.path("mountPath").asText()));
        String configMap = volume(deployment, "origins").at("/configMap/name").asText();
        JsonNode data = Kustomize.find(objects, "ConfigMap", configMap).path("data");
        assertThat(data.has(originsFile.getFileName().toString()))
                .as("ConfigMap %s holds %s", configMap, originsFile.getFileName())
                .isTrue();

        assertThat(mount(c, "ranges-cache").path("mountPath").asText()).isEqualTo(env(c, "ORIGINWATCH_EDGE_CACHE_DIR"));
        assertThat(volume(deployment, "ranges-cache").has("emptyDir")).isTrue();
        assertThat(mount(c, "state").path("mountPath").asText()).isEqualTo(env(c, "ORIGINWATCH_STATE_DIR"));
        assertThat(volume(deployment, "state").has("emptyDir")).isTrue();
        assertThat(mount(c, "tmp").path("mountPath").asText()).isEqualTo("/tmp");
        assertThat(volume(deployment, "tmp").has("emptyDir")).isTrue();
        List<String> writable = StreamSupport.stream(c.path("volumeMounts").spliterator(), false)
                .filter(m -> !m.path("readOnly").asBoolean(false))
                .map(m -> m.path("mountPath").asText())
                .toList();
        assertThat(writable)
                .as("the only writable paths")
                .containsExactlyInAnyOrder(
                        env(c, "ORIGINWATCH_EDGE_CACHE_DIR"), env(c, "ORIGINWATCH_STATE_DIR"), "/tmp");
    }

    private static void assertProbe(JsonNode c, String probe, String path) {
        JsonNode get = c.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as("%s path", probe).isEqualTo(path);
        JsonNode port = get.path("port");
        int number = port.isInt() ? port.asInt() : namedPort(c, port.asText());
        assertThat(number).as("%s port", probe).isEqualTo(AppSettings.httpPort());
    }

    static int namedPort(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("container has no port named " + name + ": " + container.path("ports"));
    }

    static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText();
            }
        }
        return null;
    }

    private static JsonNode mount(JsonNode container, String volume) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (volume.equals(m.path("name").asText())) {
                return m;
            }
        }
        throw new AssertionError("no volumeMount of " + volume + ": " + container.path("volumeMounts"));
    }

    private static JsonNode volume(JsonNode deployment, String name) {
        for (JsonNode v : deployment.at("/spec/template/spec/volumes")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
