package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.originwatch.classify.Cause;
import io.originwatch.testing.ProbeBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maintenance windows end to end: originwatch posts to a real Alertmanager, which notifies a webhook
 * receiver ({@code /am}); originwatch also posts to the same receiver directly ({@code /direct}).
 * What Alertmanager's own mute would get wrong (issue 17): nothing is posted for a suppressed outage,
 * a carried alert keeps its {@code startsAt} through the window, and its resolution inside the
 * window reaches the receiver.
 */
class MaintenanceDispatchTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final List<AutoCloseable> open = new ArrayList<>();
    private final CountingListener listener = new CountingListener();
    private WebhookReceiver receiver;
    private AlertmanagerProcess am;
    private AlertDispatcher dispatcher;
    /** First probe of each test, a few minutes ago, at whole milliseconds (what the JSON carries). */
    private final Instant t0 = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        open.add(receiver);
        am = new AlertmanagerProcess(
                        AlertmanagerProcess.webhookConfig(receiver.url("/am").toString()))
                .start();
        open.add(am);
        AlertTexts texts =
                new AlertTexts(URI.create("http://originwatch.test:8080"), AlertTexts.DEFAULT_RUNBOOK_BASE_URL);
        AlertmanagerSink toAlertmanager = new AlertmanagerSink(
                "alertmanager-0",
                am.url(),
                CLIENT,
                texts,
                Map.of(),
                AlertmanagerSink.DEFAULT_TTL,
                Json.ENCODER,
                Clock.systemUTC());
        WebhookSink direct =
                new WebhookSink("webhook-0", receiver.url("/direct"), null, Map.of(), CLIENT, texts, Json.ENCODER);
        dispatcher = new AlertDispatcher(
                AlertPolicy.DEFAULT,
                List.of(
                        new SinkWorker(toAlertmanager, 100, FAST, listener),
                        new SinkWorker(direct, 100, FAST, listener)),
                Clock.systemUTC(),
                Duration.ofMillis(300));
        open.add(dispatcher);
        dispatcher.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /** Probe number {@code n} of {@code origin}, started at t0 + n intervals. */
    private void probe(String origin, int n, Cause cause, boolean inMaintenance) {
        dispatcher.probeCompleted(
                origin,
                Map.of(),
                ProbeBuilder.verdict(origin, cause, t0.plus(INTERVAL.multipliedBy(n))),
                inMaintenance);
    }

    @Test
    void aSuppressedOutagePostsNothingAndFiresOnceAfterTheWindowFromItsFirstBadProbe() throws Exception {
        for (int n = 0; n < 5; n++) {
            probe("shop", n, Cause.CONNECTION_REFUSED, true);
        }
        // a control origin outside any window fires; once its notifications have arrived by both
        // roads, anything shop had queued before it would have arrived too
        probe("control", 0, Cause.CONNECTION_REFUSED, false);
        probe("control", 1, Cause.CONNECTION_REFUSED, false);
        await().atMost(WAIT)
                .until(() -> !notified("/am", "control", "firing").isEmpty()
                        && !notified("/direct", "control", "firing").isEmpty());
        assertThat(receiver.requests).noneMatch(r -> new String(r.body()).contains("\"shop\""));
        assertThat(AlertmanagerDispatchTest.alerts(am, "shop")).isEmpty();
        assertThat(dispatcher.active()).extracting(ActiveAlert::origin).containsExactly("control");

        probe("shop", 5, Cause.CONNECTION_REFUSED, false); // the first probe after the window
        await().atMost(WAIT)
                .until(() -> AlertmanagerDispatchTest.alerts(am, "shop").size() == 1);
        assertThat(startsAt(AlertmanagerDispatchTest.alerts(am, "shop").get(0))).isEqualTo(t0);
        await().atMost(WAIT).until(() -> !notified("/am", "shop", "firing").isEmpty());
        assertThat(startsAt(notified("/am", "shop", "firing").get(0))).isEqualTo(t0);
        await().atMost(WAIT).until(() -> !notified("/direct", "shop", "firing").isEmpty());
        assertThat(notified("/direct", "shop", "firing"))
                .singleElement()
                .satisfies(b -> assertThat(startsAt(b)).isEqualTo(t0));
    }

    @Test
    void aCarriedAlertIsRepostedWithItsStartsAtAndItsResolutionInsideTheWindowIsDelivered() throws Exception {
        probe("shop", 0, Cause.EMPTY_RESPONSE, false);
        probe("shop", 1, Cause.EMPTY_RESPONSE, false); // fires before the window
        await().atMost(WAIT).until(() -> !notified("/am", "shop", "firing").isEmpty());

        probe("shop", 2, Cause.EMPTY_RESPONSE, true); // the window begins: carried
        int sent = listener.count("sent");
        await().atMost(WAIT).until(() -> listener.count("sent") >= sent + 2); // re-posts to Alertmanager
        assertThat(AlertmanagerDispatchTest.alerts(am, "shop"))
                .singleElement()
                .satisfies(a -> assertThat(startsAt(a)).isEqualTo(t0));

        probe("shop", 3, Cause.OK, true);
        probe("shop", 4, Cause.OK, true); // recovers inside the window
        await().atMost(WAIT)
                .until(() -> AlertmanagerDispatchTest.alerts(am, "shop").isEmpty());
        await().atMost(WAIT).until(() -> !notified("/am", "shop", "resolved").isEmpty());
        assertThat(startsAt(notified("/am", "shop", "resolved").get(0))).isEqualTo(t0);
        await().atMost(WAIT)
                .until(() -> !notified("/direct", "shop", "resolved").isEmpty());
        assertThat(notified("/direct", "shop", "firing")).hasSize(1);
    }

    /**
     * Alerts about {@code origin} with {@code status} the receiver got on {@code path}: from
     * Alertmanager each of its {@code alerts[]}, from originwatch the body itself.
     */
    private List<JsonNode> notified(String path, String origin, String status) {
        List<JsonNode> out = new ArrayList<>();
        for (WebhookReceiver.Request r : receiver.accepted()) {
            if (!r.path().equals(path)) {
                continue;
            }
            JsonNode body = Json.read(r.body());
            Iterable<JsonNode> alerts = body.has("alerts") ? body.get("alerts") : List.of(body);
            StreamSupport.stream(alerts.spliterator(), false)
                    .filter(a -> origin.equals(origin(a))
                            && status.equals(a.get("status").asText()))
                    .forEach(out::add);
        }
        return out;
    }

    private static String origin(JsonNode alert) {
        JsonNode labels = alert.get("labels");
        JsonNode o = labels != null && labels.has("origin") ? labels.get("origin") : alert.get("origin");
        return o == null ? null : o.asText();
    }

    private static Instant startsAt(JsonNode alert) {
        return Instant.parse(alert.get("startsAt").asText());
    }
}
