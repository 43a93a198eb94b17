package io.originwatch.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Manifest and application cannot drift apart: the paths the rendered Deployment probes, the path
 * the Service annotation and the ServiceMonitor scrape, and the Docker HEALTHCHECK command are all
 * exercised against the running daemon.
 */
@QuarkusTest
@TestProfile(OwnApplicationProfile.class)
class ProbeEndpointsTest {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final long HEALTHCHECK_TIMEOUT_SECONDS = 10;

    @Test
    void everyProbePathOfTheDeploymentAnswers200() {
        JsonNode container = Kustomize.find(
                        Kustomize.render(Kustomize.KUBERNETES_DIR.resolve("base")), "Deployment", "originwatch")
                .at("/spec/template/spec/containers/0");
        List<String> paths = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = container.path(probe).at("/httpGet/path").asText();
            assertThat(path).as("%s path", probe).isNotBlank();
            paths.add(path);
        }
        // Readiness may lag start-up (the daemon is ready once its schedule runs): wait for it.
        for (String path : paths) {
            await(path)
                    .atMost(READY_TIMEOUT)
                    .untilAsserted(() -> given().get(path).then().statusCode(200));
        }
    }

    @Test
    void scrapePathsOfServiceAndServiceMonitorServeMetrics() {
        List<JsonNode> operator = Kustomize.render(Kustomize.KUBERNETES_DIR.resolve("overlays/prometheus-operator"));
        String annotated = Kustomize.find(operator, "Service", "originwatch")
                .at("/metadata/annotations")
                .path("prometheus.io/path")
                .asText();
        String monitored = Kustomize.find(operator, "ServiceMonitor", "originwatch")
                .at("/spec/endpoints/0/path")
                .asText();
        for (String path : List.of(annotated, monitored)) {
            given().get(path).then().statusCode(200).body(containsString("# TYPE "));
        }
    }

    @Test
    void dockerHealthcheckPassesAgainstTheRunningDaemon() throws Exception {
        assertThat(runHealthcheck(RestAssured.port))
                .as("HEALTHCHECK exit code against the daemon")
                .isZero();
    }

    @Test
    void dockerHealthcheckFailsWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThat(runHealthcheck(closedPort))
                .as("HEALTHCHECK exit code, connection refused")
                .isNotZero();
    }

    @Test
    void dockerHealthcheckFailsOnAnUnhealthyAnswer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread responder = Thread.ofVirtual()
                    .start(() -> answerOnce(server, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"));
            assertThat(runHealthcheck(server.getLocalPort()))
                    .as("HEALTHCHECK exit code on a 503")
                    .isNotZero();
            responder.join(Duration.ofSeconds(HEALTHCHECK_TIMEOUT_SECONDS));
        }
    }

    /** Runs Dockerfile.jvm's HEALTHCHECK command here, with the port the image would read from its env. */
    private static int runHealthcheck(int port) throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(Dockerfile.read(Dockerfile.JVM).healthcheckCommand()).redirectErrorStream(true);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Process process = pb.start();
        assertThat(process.waitFor(HEALTHCHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .as("HEALTHCHECK finished")
                .isTrue();
        return process.exitValue();
    }

    private static void answerOnce(ServerSocket server, String response) {
        try (Socket client = server.accept();
                OutputStream out = client.getOutputStream()) {
            client.getInputStream().read(new byte[1024]);
            out.write(response.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The check under test may give up first; its exit code is what the test asserts.
        }
    }
}
