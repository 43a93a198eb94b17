package io.originwatch.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.originwatch.classify.Cause;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.schedule.ProbeRunner;
import io.originwatch.testing.ProbeBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wiring: config keys to sinks, the probe results to the dispatcher, /api/alerts, and the
 * alert metrics at /q/metrics. Results go through the runner's own delivery to its observers, as
 * after each probe; removals are a CDI event, fired directly.
 */
@QuarkusTest
@WithTestResource(WebhookTestResource.class)
class AlertingWiringTest {

    @Inject
    ProbeRunner runner;

    @Inject
    Event<OriginRemoved> removals;

    @Test
    void eventsDriveAlertsTheApiTheWebhookAndTheMetrics() {
        Instant now = Instant.now();
        runner.deliver(new ProbeCompleted(
                "fragile", Map.of("team", "web"), ProbeBuilder.verdict("fragile", Cause.HEADERS_TOO_LARGE, now)));
        runner.deliver(
                new ProbeCompleted("steady", Map.of(), ProbeBuilder.verdict("steady", Cause.CONNECTION_REFUSED, now)));

        given().get("/api/alerts")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].origin", equalTo("fragile"))
                .body("[0].alertname", equalTo("OriginwatchOrigin520"))
                .body("[0].cause", equalTo("headers_too_large"))
                .body("[0].edgeStatus", equalTo(520))
                .body("[0].severity", equalTo("critical"))
                .body("[0].labels.team", equalTo("web"))
                .body("[0].url", equalTo("http://originwatch.test:8080/ui/origins/fragile#verdict"));

        WebhookReceiver receiver = WebhookTestResource.receiver;
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        WebhookReceiver.Request firing = receiver.accepted().get(0);
        assertThat(firing.header("X-Team")).isEqualTo("web");
        assertThat(firing.header(WebhookSink.SIGNATURE_HEADER))
                .isEqualTo(WebhookSink.signature(
                        "wired-secret", Long.parseLong(firing.header(WebhookSink.TIMESTAMP_HEADER)), firing.body()));
        assertThat(Json.read(firing.body()).get("status").asText()).isEqualTo("firing");

        removals.fire(new OriginRemoved("fragile"));
        given().get("/api/alerts").then().statusCode(200).body("$", empty());
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        assertThat(Json.read(receiver.accepted().get(1).body()).get("status").asText())
                .isEqualTo("resolved");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .body(containsString(
                                "originwatch_alert_notifications_total{result=\"sent\",sink=\"webhook-0\"} 2.0"))
                        .body(containsString(
                                "originwatch_alert_notifications_total{result=\"dropped\",sink=\"webhook-0\"} 0.0"))
                        .body(containsString("originwatch_alert_queue_depth{sink=\"webhook-0\"} 0.0")));
    }

    @Test
    void theRunnerTellsEveryProbeObserverWithTheHandoverLastAfterTheAlerts() {
        assertThat(runner.observerOrder())
                .as("collected once from the beans, in stage order")
                .containsExactly(
                        "io.originwatch.metrics.EdgeProbeMetrics",
                        "io.originwatch.metrics.MaintenanceMetrics",
                        "io.originwatch.metrics.OriginMetrics",
                        "io.originwatch.app.EvidenceRecorder",
                        "io.originwatch.app.AlertingService",
                        "io.originwatch.ui.LiveRows",
                        "io.originwatch.app.ClusterRuntime");
    }
}
