package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every panel of the dashboard is backed by real series: the packaged daemon runs its demo lab
 * (one origin per cause and warning), an nginx allowlist file and Cloudflare's range API served on
 * loopback; a real Prometheus scrapes it every second; each panel query, with the template
 * variables substituted as Grafana does for "All", must return at least one finite sample, and
 * each template variable must offer values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path ALLOWLIST = Path.of("src/test/resources/deploy/edge-allowlist.nginx.conf");
    private static final Duration DAEMON_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERIES_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    private final HttpClient http = HttpClient.newHttpClient();
    private CloudflareRangesFixture ranges;
    private ChildProcess daemon;
    private PrometheusServer prometheus;
    private int daemonPort;
    private long startedAtMillis;

    @BeforeAll
    void startDaemonAndPrometheus() throws Exception {
        assertThat(JAR).as("packaged daemon (mvn package runs before failsafe)").isRegularFile();
        startedAtMillis = System.currentTimeMillis();
        Path work = Files.createDirectories(Path.of("target/dashboard-it"));
        ranges = new CloudflareRangesFixture();
        daemonPort = LoopbackPorts.free();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        daemon = ChildProcess.start(
                "originwatch",
                List.of(
                        java.toString(),
                        "-Dquarkus.profile=demo",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + daemonPort,
                        "-Dquarkus.log.console.json.enabled=false",
                        "-Doriginwatch.edge.provider=cloudflare",
                        "-Doriginwatch.edge.urls=" + ranges.url(),
                        "-Doriginwatch.edge.cache-dir="
                                + Files.createDirectories(work.resolve("ranges-cache"))
                                        .toAbsolutePath(),
                        "-Doriginwatch.allowlists[0].name=edge-firewall",
                        "-Doriginwatch.allowlists[0].file=" + ALLOWLIST.toAbsolutePath(),
                        "-Doriginwatch.allowlists[0].format=nginx",
                        "-jar",
                        JAR.toString()),
                work.resolve("originwatch.log"));
        await("daemon ready on /q/health/ready")
                .atMost(DAEMON_READY_TIMEOUT)
                .ignoreExceptions()
                .failFast("daemon exited", () -> !daemon.isAlive())
                .until(() -> get("/q/health/ready").statusCode() == 200);
        prometheus = PrometheusServer.start(
                Files.createTempDirectory(work, "prometheus-"), daemonPort, AppSettings.METRICS_PATH);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        if (ranges != null) {
            ranges.close();
        }
    }

    @Test
    void everyPanelQueryReturnsData() {
        List<DashboardQueries.Query> queries = DashboardQueries.queries();
        assertThat(queries).isNotEmpty();
        Map<String, String> withoutData = new TreeMap<>();
        await("every panel query returns data")
                .atMost(SERIES_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .failFast("daemon exited", () -> !daemon.isAlive())
                .untilAsserted(() -> {
                    withoutData.clear();
                    for (DashboardQueries.Query q : queries) {
                        if (!hasFiniteSample(prometheus.query(q.substituted()))) {
                            withoutData.put(q.toString(), q.substituted());
                        }
                    }
                    assertThat(withoutData.isEmpty())
                            .as(
                                    "panel queries without data (ranges API requests so far: %d):%n%s%n%s%n%s",
                                    ranges.requests(), describe(withoutData), daemon.logTail(), prometheus.logTail())
                            .isTrue();
                });
    }

    @Test
    void everyTemplateVariableOffersValues() {
        for (JsonNode variable : DashboardQueries.dashboard().at("/templating/list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            Matcher m = LABEL_VALUES.matcher(variable.path("definition").asText());
            assertThat(m.matches())
                    .as("variable %s uses label_values(selector, label)", variable.path("name"))
                    .isTrue();
            String promql = "count by (" + m.group(2) + ") ("
                    + new DashboardQueries.Query(0, "variable", "-", m.group(1)).substituted() + ")";
            await("values of $" + variable.path("name").asText())
                    .atMost(SERIES_TIMEOUT)
                    .untilAsserted(() -> assertThat(
                                    prometheus.query(promql).path("result").size())
                            .as("values for $%s from %s", variable.path("name").asText(), promql)
                            .isPositive());
        }
    }

    /** The table's "since" column is a time in this test run, in the milliseconds Grafana expects. */
    @Test
    void sinceColumnIsATimestampInMilliseconds() {
        List<DashboardQueries.Query> since = DashboardQueries.queries().stream()
                .filter(q -> q.expr().contains("timestamp(originwatch_origin_status"))
                .toList();
        assertThat(since).as("the table's since-when query").hasSize(1);
        await("since-when values").atMost(SERIES_TIMEOUT).untilAsserted(() -> {
            JsonNode result = prometheus.query(since.get(0).substituted()).path("result");
            assertThat(result.size()).as("rows of %s", since.get(0)).isPositive();
            long now = System.currentTimeMillis();
            result.forEach(row -> assertThat(
                            Double.parseDouble(row.path("value").get(1).asText()))
                    .as("since of %s", row.path("metric"))
                    .isBetween((double) startedAtMillis, (double) now));
        });
    }

    @Test
    void demoShowsMoreThanOneCause() {
        String causes = "count by (cause) (originwatch_origin_status)";
        await("several causes in the demo")
                .atMost(SERIES_TIMEOUT)
                .untilAsserted(
                        () -> assertThat(prometheus.query(causes).path("result").size())
                                .as("distinct causes on the 'Origins by cause' panel")
                                .isGreaterThan(1));
    }

    private static String describe(Map<String, String> queries) {
        StringBuilder out = new StringBuilder();
        queries.forEach((panel, promql) ->
                out.append("  ").append(panel).append(": ").append(promql).append('\n'));
        return out.toString();
    }

    private static boolean hasFiniteSample(JsonNode data) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            if (series.has("value")) {
                values.add(series.path("value").get(1));
            }
            series.path("values").forEach(v -> values.add(v.get(1)));
        }
        if ("scalar".equals(data.path("resultType").asText())) {
            values.add(data.path("result").get(1));
        }
        return values.stream()
                .map(JsonNode::asText)
                .anyMatch(v -> !v.equals("NaN") && !v.equals("+Inf") && !v.equals("-Inf"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException, URISyntaxException {
        return http.send(
                HttpRequest.newBuilder(new URI("http://127.0.0.1:" + daemonPort + path))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
