package io.originwatch.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.testing.FakeOriginsProfile;
import io.prometheus.client.exporter.common.TextFormat;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics is served by {@link MetricsRoute}, streamed (chunked, no Content-Length), with the
 * extension's content negotiation: 0.0.4 text when asked for text/plain, OpenMetrics otherwise.
 */
@QuarkusTest
@TestProfile(FakeOriginsProfile.class)
class MetricsRouteTest {

    private static Response get(String accept) {
        var request = given();
        if (accept != null) {
            request = request.header("Accept", accept);
        }
        return request.get("/q/metrics").then().statusCode(200).extract().response();
    }

    @Test
    void theTextFormatIsStreamedInChunks() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("text/plain").asString().contains("originwatch_origin_up{origin=\"ok\",}"));
        Response r = get("text/plain;version=0.0.4");
        assertThat(r.contentType()).isEqualTo(TextFormat.CONTENT_TYPE_004);
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.header("Content-Length")).isNull();
        assertThat(r.asString())
                .contains(
                        "# HELP originwatch_probes_total Probes finished, by cause\n# TYPE originwatch_probes_total counter\n")
                .contains("# TYPE jvm_threads_live_threads gauge")
                .doesNotContain("# EOF");
    }

    @Test
    void openMetricsWhenAskedOrWhenNothingIsAsked() {
        for (String accept : new String[] {null, "application/openmetrics-text; version=1.0.0"}) {
            Response r = get(accept);
            assertThat(r.contentType()).as(String.valueOf(accept)).isEqualTo(TextFormat.CONTENT_TYPE_OPENMETRICS_100);
            assertThat(r.asString())
                    .contains(
                            "# TYPE originwatch_probes counter\n# HELP originwatch_probes Probes finished, by cause\n")
                    .contains("# TYPE jvm_threads_live_threads gauge")
                    .endsWith("\n# EOF\n");
        }
    }

    @Test
    void theExtensionsPathRules() {
        assertThat(MetricsRoute.path("q", "metrics")).isEqualTo("/q/metrics");
        assertThat(MetricsRoute.path("/internal/", "metrics")).isEqualTo("/internal/metrics");
        assertThat(MetricsRoute.path("q", "/metrics")).isEqualTo("/metrics");
    }
}
