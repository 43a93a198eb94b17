package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.classify.Cause;
import io.originwatch.testing.ProbeBuilder;
import io.originwatch.testing.StallingServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Receivers that misbehave: one that answers its headers and then stalls (its attempt fails on the
 * total deadline and is retried, the other sink keeps delivering), one being redeployed (404s for a
 * while), one that never comes back. Error texts name scheme, host and port only.
 */
class ReceiverMisbehaviourTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200));
    private static final Instant T0 = Instant.parse("2026-11-23T20:00:00Z");
    private static final String SECRET_PATH = "/services/T0/B0/s3cret-slack-path?token=s3cret-query";

    private final MessageListener listener = new MessageListener();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private AlertDispatcher dispatcher;

    @AfterEach
    void stop() throws Exception {
        if (dispatcher != null) {
            dispatcher.close();
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private WebhookSink sink(String name, URI url) {
        return sink(name, url, Duration.ofSeconds(10));
    }

    private WebhookSink sink(String name, URI url, Duration timeout) {
        AlertTexts texts =
                new AlertTexts(URI.create("http://originwatch.test:8080"), AlertTexts.DEFAULT_RUNBOOK_BASE_URL);
        return new WebhookSink(
                name, url, "k", Map.of(), HttpClient.newHttpClient(), texts, Json.ENCODER, timeout, Clock.systemUTC());
    }

    private void start(AlertSink... sinks) {
        List<SinkWorker> workers = new ArrayList<>();
        for (AlertSink s : sinks) {
            workers.add(new SinkWorker(s, 100, FAST, listener));
        }
        dispatcher = new AlertDispatcher(AlertPolicy.DEFAULT, workers, Clock.systemUTC(), Duration.ofMinutes(1));
        dispatcher.start();
    }

    private void fire(String origin) {
        for (int i = 0; i < 2; i++) {
            dispatcher.probeCompleted(
                    origin, Map.of(), ProbeBuilder.verdict(origin, Cause.CONNECTION_RESET, T0.plusSeconds(30L * i)));
        }
    }

    @Test
    void aReceiverThatStallsAfterItsHeadersFailsThatAttemptAndIsRetriedWhileTheOtherSinkDelivers() throws Exception {
        StallingServer stalling = stalledOnceThenRetried(
                "webhook-0", url -> sink("webhook-0", url.resolve(SECRET_PATH), Duration.ofMillis(500)));
        assertThat(listener.failures)
                .first()
                .isEqualTo("webhook-0: POST http://127.0.0.1:" + stalling.port()
                        + ": no complete answer (headers and body) within 500 ms");
        assertThat(listener.sent).containsExactlyInAnyOrder("webhook-0", "webhook-1");
    }

    @Test
    void anAlertmanagerThatStallsAfterItsHeadersFailsThatAttemptAndIsRetriedWhileTheWebhookDelivers() throws Exception {
        AlertTexts texts =
                new AlertTexts(URI.create("http://originwatch.test:8080"), AlertTexts.DEFAULT_RUNBOOK_BASE_URL);
        stalledOnceThenRetried(
                "alertmanager-0",
                url -> new AlertmanagerSink(
                        "alertmanager-0",
                        url,
                        HttpClient.newHttpClient(),
                        texts,
                        Map.of(),
                        AlertmanagerSink.DEFAULT_TTL,
                        Json.ENCODER,
                        Clock.systemUTC(),
                        Duration.ofMillis(500)));
    }

    /**
     * {@code stalled} (given the stalling server's base URL, a 500 ms deadline) answers its headers and
     * then nothing on the first attempt: that attempt fails on the deadline, the second is delivered,
     * and a healthy webhook beside it delivers meanwhile.
     */
    private StallingServer stalledOnceThenRetried(String name, Function<URI, AlertSink> stalled) throws Exception {
        StallingServer stalling = new StallingServer(1, "ok");
        WebhookReceiver healthy = new WebhookReceiver();
        closing.add(stalling);
        closing.add(healthy::close);
        start(stalled.apply(stalling.url("")), sink("webhook-1", healthy.url("/hook")));

        fire("shop");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.sent.contains("webhook-1"));
        assertThat(healthy.accepted()).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.sent.contains(name));
        assertThat(stalling.connections.get())
                .as("a second attempt after the stall")
                .isEqualTo(2);
        assertThat(listener.failures)
                .first()
                .satisfies(m -> assertThat(m)
                        .startsWith(name + ": POST http://127.0.0.1:" + stalling.port())
                        .endsWith("no complete answer (headers and body) within 500 ms"));
        return stalling;
    }

    @Test
    void clientErrorsDuringARedeployAreRetriedAndTheNotificationArrives() throws Exception {
        WebhookReceiver redeploying = new WebhookReceiver(404, 503, 401, 403);
        closing.add(redeploying::close);
        start(sink("webhook-0", redeploying.url("/hook")));

        fire("shop");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> redeploying.accepted().size() == 1);
        assertThat(redeploying.requests).hasSize(5);
        assertThat(listener.rejected).isEmpty();
    }

    @Test
    void aReceiverThatKeepsAnswering404DropsTheNotificationAfterBoundedAttempts() throws Exception {
        Integer[] always404 = new Integer[50];
        java.util.Arrays.fill(always404, 404);
        WebhookReceiver gone = new WebhookReceiver(always404);
        closing.add(gone::close);
        start(sink("webhook-0", gone.url(SECRET_PATH)));

        fire("shop");

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.rejected.size() == 1);
        assertThat(gone.requests).hasSize(SinkWorker.CLIENT_ERROR_ATTEMPTS);
        assertThat(listener.rejected.peek())
                .startsWith("webhook-0: POST http://127.0.0.1:")
                .contains("HTTP 404")
                .doesNotContain("s3cret");
        assertThat(listener.failures).allSatisfy(m -> assertThat(m).doesNotContain("s3cret"));
    }

    @Test
    void aRefusedConnectionNamesOnlySchemeHostAndPort() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        start(sink("webhook-0", URI.create("http://user:s3cret-pass@127.0.0.1:" + port + SECRET_PATH)));

        fire("shop");

        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.failures.isEmpty());
        assertThat(listener.failures.peek())
                .startsWith("webhook-0: POST http://127.0.0.1:" + port + ": ")
                .doesNotContain("s3cret")
                .doesNotContain("user");
    }

    /** Keeps each outcome's sink and message. */
    private static final class MessageListener implements DispatchListener {
        final Queue<String> sent = new ConcurrentLinkedQueue<>();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        final Queue<String> rejected = new ConcurrentLinkedQueue<>();

        @Override
        public void sent(String sink, Notification n) {
            sent.add(sink);
        }

        @Override
        public void failed(String sink, Notification n, DeliveryException e) {
            failures.add(sink + ": " + e.getMessage());
        }

        @Override
        public void rejected(String sink, Notification n, DeliveryException e) {
            rejected.add(sink + ": " + e.getMessage());
        }

        @Override
        public void dropped(String sink, Notification n) {}
    }
}
