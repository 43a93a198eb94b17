package io.originwatch.deploy;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real Prometheus on a loopback port scraping one target every second, for dashboard tests. */
final class PrometheusServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ChildProcess process;
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(ChildProcess process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts Prometheus with its data in workDir, scraping metricsPath on 127.0.0.1:targetPort. */
    static PrometheusServer start(Path workDir, int targetPort, String metricsPath) throws IOException {
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: originwatch
                    metrics_path: %s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(metricsPath, targetPort));
        int port = LoopbackPorts.free();
        ChildProcess process = ChildProcess.start(
                "prometheus",
                List.of(
                        Prometheus.tool("prometheus").toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + workDir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn"),
                workDir.resolve("prometheus.log"));
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
        await("Prometheus ready")
                .atMost(START_TIMEOUT)
                .ignoreExceptions()
                .until(() -> server.get("/-/ready").statusCode() == 200);
        return server;
    }

    /** The {@code data} of an instant query; fails on anything but status success. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = json.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError("Prometheus rejected " + promql + ": " + response.body());
        }
        return body.path("data");
    }

    String logTail() {
        return process.logTail();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .timeout(REQUEST_TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
