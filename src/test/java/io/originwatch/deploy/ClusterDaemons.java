package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Three packaged daemons in cluster mode on loopback, one JVM each, for the multi-JVM ITs: their
 * Hazelcast and HTTP ports, how each is started (the cluster settings here, the test's own flags
 * added), its readiness, and its API. Each start logs to a file of its own under
 * {@code target/cluster-it}.
 */
final class ClusterDaemons implements AutoCloseable {

    static final int SIZE = 3;

    final List<String> hzAddresses = new ArrayList<>();
    final int[] httpPorts = new int[SIZE];
    final ChildProcess[] members = new ChildProcess[SIZE];

    private final String clusterName;
    private final Path work;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    ClusterDaemons(String clusterName) throws IOException {
        assertThat(DashboardQueriesIT.JAR)
                .as("packaged daemon (mvn package runs before failsafe)")
                .isRegularFile();
        this.clusterName = clusterName;
        this.work = Files.createDirectories(Path.of("target/cluster-it"));
        for (int i = 0; i < SIZE; i++) {
            hzAddresses.add("127.0.0.1:" + LoopbackPorts.free());
            httpPorts[i] = LoopbackPorts.free();
        }
    }

    /**
     * Starts member {@code i}: {@code jvmFlags} (JVM and Hazelcast system properties) first, then the
     * cluster and loopback settings, then {@code settings} (the test's {@code -Doriginwatch...}).
     */
    ChildProcess start(int i, List<String> jvmFlags, List<String> settings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmFlags);
        command.addAll(List.of(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPorts[i],
                "-Dquarkus.log.console.json.enabled=false",
                "-Doriginwatch.edge.enabled=false",
                "-Doriginwatch.cluster.enabled=true",
                "-Doriginwatch.cluster.name=" + clusterName,
                "-Doriginwatch.cluster.bind=" + hzAddresses.get(i),
                "-Doriginwatch.cluster.members=" + String.join(",", hzAddresses)));
        command.addAll(settings);
        command.addAll(List.of("-jar", DashboardQueriesIT.JAR.toString()));
        members[i] = ChildProcess.start(
                clusterName + "-member-" + i, command, work.resolve("member-" + i + "-" + System.nanoTime() + ".log"));
        return members[i];
    }

    void awaitReady(int i, Duration timeout) {
        await("member " + i + " ready")
                .atMost(timeout)
                .ignoreExceptions()
                .failFast("member " + i + " exited", () -> !members[i].isAlive())
                .until(() -> get(i, "/q/health/ready").statusCode() == 200);
    }

    JsonNode getJson(int i, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(i, path);
        assertThat(r.statusCode())
                .as("GET %s on member %d: %s", path, i, r.body())
                .isEqualTo(200);
        return json.readTree(r.body());
    }

    HttpResponse<String> get(int i, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts[i] + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stops every member still running (a frozen one is resumed first; SIGCONT on a running one is a no-op). */
    @Override
    public void close() throws IOException, InterruptedException {
        for (ChildProcess m : members) {
            if (m != null) {
                if (m.isAlive()) {
                    m.thaw();
                }
                m.close();
            }
        }
    }
}
