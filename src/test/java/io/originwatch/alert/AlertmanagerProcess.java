package io.originwatch.alert;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) on a loopback port, clustering off, with a
 * temporary config (one receiver that notifies nobody) and storage directory.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    static final Path BINARY =
            Path.of(System.getenv().getOrDefault("ALERTMANAGER", "/usr/bin/prometheus-alertmanager"));
    private static final String CONFIG = """
            route:
              receiver: nobody
              group_wait: 1s
            receivers:
              - name: nobody
            """;

    private final int port;
    private final Path dir;
    private final Path log;
    private Process process;

    /** Picks a free loopback port; call {@link #start} to run on it (tests may start it later). */
    AlertmanagerProcess() throws IOException {
        this(CONFIG);
    }

    /**
     * An alertmanager.yml that sends every group (by origin, 1 s waits) to the webhook at {@code url},
     * resolutions included: what the tests that follow an alert through Alertmanager listen to.
     */
    public static String webhookConfig(String url) {
        return """
                route:
                  receiver: hook
                  group_by: [origin]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: hook
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                """.formatted(url);
    }

    /** As {@link #AlertmanagerProcess()}, with this alertmanager.yml (e.g. a webhook receiver). */
    public AlertmanagerProcess(String config) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " not found: install it with `apt-get install prometheus-alertmanager`"
                    + " (.ci/run does this) or set ALERTMANAGER to its path.");
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        dir = Files.createTempDirectory("originwatch-alertmanager");
        log = dir.resolve("alertmanager.log");
        Files.writeString(dir.resolve("alertmanager.yml"), config);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public AlertmanagerProcess start() throws IOException {
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + dir.resolve("alertmanager.yml"),
                        "--storage.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--cluster.listen-address=",
                        "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient client = HttpClient.newHttpClient();
        await("Alertmanager ready on " + url() + " (log " + log + ")")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        fail("Alertmanager exited: " + Files.readString(log));
                    }
                    try {
                        return client.send(
                                                HttpRequest.newBuilder(url().resolve("/-/ready"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return this;
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
