package io.originwatch.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.testing.FakeOriginsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FakeOriginsProfile.class)
class MetricsEndpointTest {

    /** Classic Prometheus text format: what promtool's checker parses (OpenMetrics counters confuse it). */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    static String metrics() {
        return given().accept(PROMETHEUS_TEXT)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .replace(",}", "}"); // the 0.0.4 writer ends label sets with a comma; compare without it
    }

    static List<String> series(String text, String name, String origin) {
        return text.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("origin=\"" + origin + "\""))
                .toList();
    }

    @Test
    void perOriginSeriesHaveTheContractNamesAndLabels() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !series(metrics(), "originwatch_probes_total", "broken")
                                .isEmpty()
                        && !series(metrics(), "originwatch_probes_total", "ok").isEmpty());
        String m = metrics();
        assertThat(m)
                .contains(
                        "originwatch_origin_up{origin=\"ok\"} 1.0",
                        "originwatch_origin_up{origin=\"broken\"} 0.0",
                        "originwatch_origin_status{cause=\"ok\",edge_status=\"200\",origin=\"ok\"} 1.0",
                        "originwatch_origin_status{cause=\"unexpected_status\",edge_status=\"503\",origin=\"broken\"} 1.0",
                        "originwatch_header_limit_bytes{origin=\"ok\"} 8192.0",
                        "originwatch_origin_alpn_info{alpn=\"none\",origin=\"ok\"} 1.0");
        assertThat(series(m, "originwatch_origin_alpn_info", "ok"))
                .as("one per origin")
                .hasSize(1);
        assertThat(series(m, "originwatch_probes_total", "ok")).anyMatch(l -> l.contains("cause=\"ok\""));
        assertThat(series(m, "originwatch_response_header_bytes", "ok")).hasSize(1);
        assertThat(series(m, "originwatch_probe_phase_seconds", "ok"))
                .extracting(l -> l.replaceAll(".*phase=\"(\\w+)\".*", "$1"))
                .containsExactlyInAnyOrder("connect", "ttfb", "total"); // no dns (IP literal), no tls (http)
        assertThat(series(m, "originwatch_certificate_expiry_timestamp_seconds", "ok"))
                .isEmpty();
        assertThat(series(m, "originwatch_origin_up", "later"))
                .as("no up series before the first probe")
                .isEmpty();
        assertThat(series(m, "originwatch_origin_probe_interval_seconds", "later"))
                .containsExactly("originwatch_origin_probe_interval_seconds{origin=\"later\"} 86400.0");
        assertThat(series(m, "originwatch_origin_probe_interval_seconds", "ok"))
                .containsExactly("originwatch_origin_probe_interval_seconds{origin=\"ok\"} 1.0");
        // no via-edge: connect-timeout (the default 19 s) + response-timeout (10 s here) + 0.5 s
        assertThat(series(m, "originwatch_origin_probe_deadline_seconds", "ok"))
                .containsExactly("originwatch_origin_probe_deadline_seconds{origin=\"ok\"} 29.5");
        double now = System.currentTimeMillis() / 1000.0;
        for (String origin : List.of("ok", "later")) {
            List<String> last = series(m, "originwatch_origin_last_probe_timestamp_seconds", origin);
            assertThat(last).as(origin).hasSize(1);
            double t = Double.parseDouble(last.get(0).substring(last.get(0).lastIndexOf(' ') + 1));
            assertThat(t)
                    .as("%s: a Unix time in seconds, not in the future, within the test's run", origin)
                    .isBetween(now - 600, now + 1);
        }
        for (String name : List.of(
                "originwatch_origin_up",
                "originwatch_origin_status",
                "originwatch_origin_alpn_info",
                "originwatch_probes_total",
                "originwatch_probe_phase_seconds",
                "originwatch_response_header_bytes",
                "originwatch_header_limit_bytes",
                "originwatch_schedule_lag_seconds",
                "originwatch_probes_in_flight",
                "originwatch_origins",
                "originwatch_evidence_har_writes_dropped_total")) {
            String family = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
            assertThat(m).as("HELP of %s", name).containsPattern("# HELP " + family + "(_total)? \\S");
        }
        assertThat(m)
                .contains("originwatch_origins 5.0")
                .contains("originwatch_evidence_har_writes_dropped_total 0.0")
                .containsPattern("originwatch_schedule_lag_seconds_count [1-9]");
    }

    @Test
    void exactlyOneStatusSeriesPerOriginPendingIncluded() {
        // from the first scrape: origins probed once a day are pending (this profile never probes "later")
        String first = metrics();
        for (String origin : List.of("ok", "broken", "slow", "later", "manual")) {
            assertThat(series(first, "originwatch_origin_status", origin))
                    .as(origin)
                    .hasSize(1);
        }
        assertThat(series(first, "originwatch_origin_status", "later"))
                .containsExactly("originwatch_origin_status{cause=\"pending\",edge_status=\"0\",origin=\"later\"} 1.0");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> series(metrics(), "originwatch_origin_status", "broken").stream()
                        .noneMatch(l -> l.contains("cause=\"pending\"")));
        String m = metrics();
        for (String origin : List.of("ok", "broken", "slow", "later", "manual")) {
            assertThat(series(m, "originwatch_origin_status", origin))
                    .as(origin)
                    .hasSize(1);
        }
        assertThat(series(m, "originwatch_origin_status", "broken"))
                .containsExactly(
                        "originwatch_origin_status{cause=\"unexpected_status\",edge_status=\"503\",origin=\"broken\"} 1.0");
    }

    @Test
    void outputPassesPromtoolCheckMetrics() throws IOException, InterruptedException {
        assertThat(PROMTOOL)
                .as("promtool is required: install the Debian package 'prometheus' "
                        + "(provides /usr/bin/promtool); .ci/run does")
                .isExecutable();
        await().atMost(Duration.ofSeconds(20)).until(() -> metrics().contains("originwatch_probe_phase_seconds{"));
        Path file = Files.createTempFile("originwatch-metrics", ".prom");
        Files.writeString(
                file, given().accept(PROMETHEUS_TEXT).get("/q/metrics").asString());
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectInput(file.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("promtool output").isEmpty();
        assertThat(p.exitValue()).isZero();
        Files.delete(file);
    }
}
