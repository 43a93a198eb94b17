package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The container image, checked without a Docker engine: it runs as the same non-root UID the
 * Deployment asks for, exposes the application's port, copies only the Quarkus fast-jar (which
 * .dockerignore lets into the context), prepares the ranges cache the manifests mount, and health-
 * checks the liveness path. DockerfileCopyPathsIT checks the COPY sources exist after packaging;
 * ProbeEndpointsTest runs the HEALTHCHECK command against the real daemon.
 */
class DockerfileTest {

    private static final String QUARKUS_APP = "target/quarkus-app/";
    private final Dockerfile dockerfile = Dockerfile.read(Dockerfile.JVM);

    @Test
    void baseImageIsAJava21Runtime() {
        String from = dockerfile.last("FROM").orElseThrow().arguments();
        String image = from.equals("${BASE_IMAGE}")
                ? dockerfile.argDefault("BASE_IMAGE").orElseThrow()
                : from;
        assertThat(image)
                .matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-21-runtime:[\\w.-]+"
                        + "|eclipse-temurin:21[\\w.-]*-jre[\\w.-]*");
    }

    @Test
    void runsAsTheNonRootUidTheDeploymentUses() {
        String user = dockerfile.last("USER").orElseThrow().arguments();
        assertThat(user)
                .as("final USER is a numeric UID (runAsNonRoot can only verify numbers)")
                .matches("\\d+(:\\d+)?");
        int uid = Integer.parseInt(user.split(":")[0]);
        assertThat(uid).as("final USER").isNotZero();
        JsonNode pod = Kustomize.find(
                        Kustomize.render(Kustomize.KUBERNETES_DIR.resolve("base")), "Deployment", "originwatch")
                .at("/spec/template/spec/securityContext");
        assertThat(pod.path("runAsUser").asInt())
                .as("Deployment runAsUser = image USER")
                .isEqualTo(uid);
    }

    @Test
    void exposesTheApplicationPort() {
        assertThat(dockerfile.all("EXPOSE"))
                .extracting(Dockerfile.Instruction::arguments)
                .containsExactly(String.valueOf(AppSettings.httpPort()));
    }

    @Test
    void copiesOnlyTheFastJarAsRootOwnedFiles() {
        List<String> sources = dockerfile.copySources();
        assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith(QUARKUS_APP));
        assertThat(sources).contains(QUARKUS_APP + "lib/", QUARKUS_APP + "app/", QUARKUS_APP + "quarkus/");
        assertThat(dockerfile.all("COPY"))
                .as("no --chown: the runtime user cannot rewrite its own jars")
                .allSatisfy(c -> assertThat(c.arguments()).doesNotContain("--chown"));
        assertThat(dockerfile.env("JAVA_APP_JAR")).hasValue("/deployments/quarkus-run.jar");
    }

    @Test
    void dockerignoreSendsOnlyTheFastJar() throws IOException {
        List<String> patterns = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(patterns)
                .as(".dockerignore: exclude everything, then re-include the fast-jar")
                .containsExactly("*", "!" + QUARKUS_APP);
    }

    @Test
    void rangesCacheDirIsTheOneTheManifestsMount() {
        String cacheDir = dockerfile.env("ORIGINWATCH_EDGE_CACHE_DIR").orElseThrow();
        assertThat(dockerfile.all("RUN"))
                .anySatisfy(r -> assertThat(r.arguments()).contains("mkdir -p " + cacheDir));
        JsonNode container = Kustomize.find(
                        Kustomize.render(Kustomize.KUBERNETES_DIR.resolve("base")), "Deployment", "originwatch")
                .at("/spec/template/spec/containers/0");
        assertThat(DeploymentManifestTest.env(container, "ORIGINWATCH_EDGE_CACHE_DIR"))
                .isEqualTo(cacheDir);
    }

    @Test
    void healthcheckProbesLivenessWithoutCurl() {
        List<String> command = dockerfile.healthcheckCommand();
        assertThat(command.get(0)).as("shell the ubi image has").isEqualTo("bash");
        assertThat(String.join(" ", command))
                .contains("GET " + AppSettings.LIVENESS_PATH + " ")
                .doesNotContain("curl", "wget");
        assertThat(dockerfile.last("ENTRYPOINT").orElseThrow().arguments()).startsWith("[");
    }
}
