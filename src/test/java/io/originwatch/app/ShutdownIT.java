package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.testing.FakeOrigin;
import io.originwatch.testing.StallingServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged daemon as an operator runs it: SIGTERM while a probe is in flight lets that probe
 * finish within the grace period, then the process exits 0 (what Kubernetes expects of a clean stop).
 */
class ShutdownIT {

    private static final String SLOW_PATH = "/slow/2500";

    @Test
    void sigtermLetsTheProbeInFlightFinishThenExitsZero() throws Exception {
        Path jar = Path.of(System.getProperty("originwatch.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("run mvn package first").isRegularFile();
        Path log = Files.createTempFile("originwatch-shutdown", ".log");
        try (FakeOrigin origin = new FakeOrigin()) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process daemon = new ProcessBuilder(
                            java,
                            "-Dquarkus.http.port=0",
                            "-Doriginwatch.edge.enabled=false",
                            "-Doriginwatch.origins[0].name=slow",
                            "-Doriginwatch.origins[0].url=" + origin.url(SLOW_PATH),
                            "-Doriginwatch.origins[0].interval=1s",
                            "-jar",
                            jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> lines(log).stream().anyMatch(l -> l.contains("started in")));
                int before = origin.hits(SLOW_PATH);
                await().atMost(Duration.ofSeconds(10)).until(() -> origin.hits(SLOW_PATH) > before);
                daemon.destroy(); // SIGTERM
                assertThat(daemon.waitFor(30, TimeUnit.SECONDS))
                        .as("exited; output:%n%s", lines(log))
                        .isTrue();
                List<String> lines = lines(log);
                assertThat(daemon.exitValue())
                        .as("exit code; output:%n%s", String.join("\n", lines))
                        .isZero();
                String out = String.join("\n", lines);
                assertThat(out)
                        .containsPattern("stopping: scheduling stopped, 1 probe\\(s\\) in flight(.|\\n)*"
                                + "stopping: probes in flight finished(.|\\n)*originwatch stopped");
            } finally {
                daemon.destroyForcibly();
                Files.deleteIfExists(log);
            }
        }
    }

    /**
     * A webhook receiver that stalls after its headers holds the one pending "firing" past the
     * senders' grace period: the stop logs {@code dropped=1} and still exits 0 in time.
     */
    @Test
    void sigtermWithAStalledReceiverLogsWhatWasDropped() throws Exception {
        Path jar = Path.of(System.getProperty("originwatch.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("run mvn package first").isRegularFile();
        Path log = Files.createTempFile("originwatch-shutdown-dropped", ".log");
        try (FakeOrigin origin = new FakeOrigin();
                StallingServer receiver = new StallingServer(Integer.MAX_VALUE, "")) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process daemon = new ProcessBuilder(
                            java,
                            "-Dquarkus.http.port=0",
                            "-Doriginwatch.edge.enabled=false",
                            "-Doriginwatch.origins[0].name=down",
                            "-Doriginwatch.origins[0].url=" + origin.url("/status/503"),
                            "-Doriginwatch.origins[0].interval=1s",
                            "-Doriginwatch.alerting.failure-threshold=1",
                            "-Doriginwatch.alerting.webhooks[0].url=" + receiver.url("/hooks"),
                            "-jar",
                            jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.connections.get() > 0);
                daemon.destroy(); // SIGTERM while the firing is being delivered to a receiver that stalls
                assertThat(daemon.waitFor(30, TimeUnit.SECONDS))
                        .as("exited; output:%n%s", lines(log))
                        .isTrue();
                String out = String.join("\n", lines(log));
                assertThat(daemon.exitValue()).as("exit code; output:%n%s", out).isZero();
                assertThat(out)
                        .contains("alert sink=webhook-0 stopped: dropped=1")
                        .contains("alerting stopped: dropped=1");
            } finally {
                daemon.destroyForcibly();
                Files.deleteIfExists(log);
            }
        }
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }
}
