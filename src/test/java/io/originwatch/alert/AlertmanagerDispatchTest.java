package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.originwatch.classify.Cause;
import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Direct dispatch against a real Alertmanager on a loopback port. */
class AlertmanagerDispatchTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final List<AutoCloseable> open = new ArrayList<>();
    private final CountingListener listener = new CountingListener();
    private AlertDispatcher dispatcher;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private void dispatchTo(URI alertmanager, Duration resendInterval) {
        dispatchTo(List.of(alertmanager), resendInterval);
    }

    private void dispatchTo(List<URI> alertmanagers, Duration resendInterval) {
        AlertTexts texts =
                new AlertTexts(URI.create("http://originwatch.test:8080"), AlertTexts.DEFAULT_RUNBOOK_BASE_URL);
        List<SinkWorker> workers = new ArrayList<>();
        for (int i = 0; i < alertmanagers.size(); i++) {
            AlertmanagerSink sink = new AlertmanagerSink(
                    "alertmanager-" + i,
                    alertmanagers.get(i),
                    CLIENT,
                    texts,
                    Map.of("team", "web"),
                    AlertmanagerSink.DEFAULT_TTL,
                    Json.ENCODER,
                    Clock.systemUTC());
            workers.add(new SinkWorker(sink, 100, FAST, listener));
        }
        dispatcher = new AlertDispatcher(AlertPolicy.DEFAULT, workers, Clock.systemUTC(), resendInterval);
        open.add(dispatcher);
        dispatcher.start();
    }

    private void probe(String origin, Cause cause) {
        dispatcher.probeCompleted(origin, Map.of(), ProbeBuilder.verdict(origin, cause, Instant.now()));
    }

    @Test
    void anOriginThatTurnsBadFiresAfterTheThresholdAndResolvesAfterRecovery() throws Exception {
        AlertmanagerProcess am = new AlertmanagerProcess().start();
        open.add(am);
        dispatchTo(am.url(), Duration.ofMinutes(1));

        probe("shop", Cause.CONNECTION_RESET);
        assertThat(dispatcher.active()).isEmpty();
        assertThat(alerts(am, "shop"))
                .as("one bad probe is below the threshold")
                .isEmpty();

        probe("shop", Cause.CONNECTION_RESET);
        await().atMost(WAIT).until(() -> alerts(am, "shop").size() == 1);
        JsonNode alert = alerts(am, "shop").get(0);
        JsonNode labels = alert.get("labels");
        assertThat(labels.get("alertname").asText()).isEqualTo("OriginwatchOrigin520");
        assertThat(labels.get("origin").asText()).isEqualTo("shop");
        assertThat(labels.get("cause").asText()).isEqualTo("connection_reset");
        assertThat(labels.get("edge_status").asText()).isEqualTo("520");
        assertThat(labels.get("severity").asText()).isEqualTo("critical");
        assertThat(labels.get("team").asText()).isEqualTo("web");
        assertThat(alert.get("annotations").get("runbook_url").asText()).endsWith("runbooks.md#connection_reset");
        assertThat(alert.get("annotations").get("description").asText())
                .contains("connection_reset after 0 response bytes");
        assertThat(alert.get("generatorURL").asText()).isEqualTo("http://originwatch.test:8080/api/origins/shop");
        assertThat(alert.get("status").get("state").asText()).isEqualTo("active");
        assertThat(Instant.parse(alert.get("endsAt").asText()))
                .isAfter(Instant.now().plus(Duration.ofMinutes(3)));

        // a cause change while firing: still one alert for the origin, with the new cause
        probe("shop", Cause.EMPTY_RESPONSE);
        await().atMost(WAIT).until(() -> causes(am, "shop").equals(List.of("empty_response")));

        probe("shop", Cause.OK);
        probe("shop", Cause.OK);
        await().atMost(WAIT).until(() -> alerts(am, "shop").isEmpty());
        assertThat(listener.count("sent")).isEqualTo(3);
    }

    @Test
    void anAlertFiredWhileAlertmanagerIsDownReachesItWhenItComesBack() throws Exception {
        AlertmanagerProcess am = new AlertmanagerProcess();
        open.add(am);
        dispatchTo(am.url(), Duration.ofMinutes(1));

        probe("api", Cause.CONNECT_TIMEOUT);
        probe("api", Cause.CONNECT_TIMEOUT);
        await().atMost(WAIT).until(() -> listener.count("failed") >= 2);
        assertThat(dispatcher.workers().get(0).queueDepth()).isEqualTo(1);

        am.start();
        await().atMost(WAIT).until(() -> alerts(am, "api").size() == 1);
        assertThat(alerts(am, "api").get(0).get("labels").get("alertname").asText())
                .isEqualTo("OriginwatchOriginDown");
        await().atMost(WAIT).until(() -> dispatcher.workers().get(0).queueDepth() == 0);
    }

    @Test
    void activeAlertsAreRepostedBeforeTheyExpire() throws Exception {
        AlertmanagerProcess am = new AlertmanagerProcess().start();
        open.add(am);
        dispatchTo(am.url(), Duration.ofMillis(300));
        probe("cdn", Cause.TLS_CERTIFICATE_INVALID);
        probe("cdn", Cause.TLS_CERTIFICATE_INVALID);
        await().atMost(WAIT).until(() -> alerts(am, "cdn").size() == 1);
        Instant firstEnd = Instant.parse(alerts(am, "cdn").get(0).get("endsAt").asText());
        await().atMost(WAIT).until(() -> listener.count("sent") >= 3);
        await().atMost(WAIT)
                .until(() -> Instant.parse(
                                alerts(am, "cdn").get(0).get("endsAt").asText())
                        .isAfter(firstEnd));
    }

    @Test
    void everyConfiguredAlertmanagerGetsEveryAlert() throws Exception {
        AlertmanagerProcess first = new AlertmanagerProcess().start();
        open.add(first);
        AlertmanagerProcess second = new AlertmanagerProcess().start();
        open.add(second);
        dispatchTo(List.of(first.url(), second.url()), Duration.ofMinutes(1));
        probe("ha", Cause.RESPONSE_TIMEOUT);
        probe("ha", Cause.RESPONSE_TIMEOUT);
        await().atMost(WAIT)
                .until(() -> causes(first, "ha").equals(List.of("response_timeout"))
                        && causes(second, "ha").equals(List.of("response_timeout")));
    }

    /** Alertmanager's current (unresolved) alerts for {@code origin}. */
    static List<JsonNode> alerts(AlertmanagerProcess am, String origin) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(
                HttpRequest.newBuilder(am.url().resolve("/api/v2/alerts")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return StreamSupport.stream(Json.read(response.body()).spliterator(), false)
                .filter(a -> Optional.ofNullable(a.get("labels").get("origin"))
                        .map(JsonNode::asText)
                        .orElse("")
                        .equals(origin))
                .toList();
    }

    static List<String> causes(AlertmanagerProcess am, String origin) throws IOException, InterruptedException {
        return alerts(am, origin).stream()
                .map(a -> a.get("labels").get("cause").asText())
                .toList();
    }
}
