package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.originwatch.classify.Cause;
import io.originwatch.testing.ProbeBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Direct dispatch to a webhook receiver on a loopback port: bodies, signatures, headers, retries. */
class WebhookDispatchTest {

    private static final String SECRET = "s3cret";
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200));
    private static final Instant T0 = Instant.parse("2026-11-23T20:00:00Z");

    private final CountingListener listener = new CountingListener();
    private WebhookReceiver receiver;
    private AlertDispatcher dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private void start(String secret, Integer... statuses) throws Exception {
        receiver = new WebhookReceiver(statuses);
        AlertTexts texts =
                new AlertTexts(URI.create("http://originwatch.test:8080"), AlertTexts.DEFAULT_RUNBOOK_BASE_URL);
        WebhookSink sink = new WebhookSink(
                "webhook-0",
                receiver.url("/hooks/originwatch"),
                secret,
                Map.of("X-Team", "web"),
                HttpClient.newHttpClient(),
                texts,
                Json.ENCODER);
        dispatcher = new AlertDispatcher(
                AlertPolicy.DEFAULT,
                List.of(new SinkWorker(sink, 100, FAST, listener)),
                Clock.systemUTC(),
                Duration.ofMinutes(1));
        dispatcher.start();
    }

    private void probe(String origin, Cause cause, int n) {
        for (int i = 0; i < n; i++) {
            dispatcher.probeCompleted(
                    origin, Map.of("team", "web"), ProbeBuilder.verdict(origin, cause, T0.plusSeconds(30L * i)));
        }
    }

    @Test
    void firingAndResolvedBodiesCarryTheAlertAndAreSignedAfterA500() throws Exception {
        start(SECRET, 500);
        probe("shop", Cause.CONNECTION_RESET, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.requests)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/hooks/originwatch"));
        assertThat(listener.count("failed")).isEqualTo(1);

        WebhookReceiver.Request firing = receiver.accepted().get(0);
        assertThat(firing.header("X-Originwatch-Signature")).isEqualTo(signed(firing));
        assertThat(Long.parseLong(firing.header("X-Originwatch-Timestamp")))
                .as("the signed timestamp is the time of sending")
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
        assertThat(firing.header("X-Team")).isEqualTo("web");
        assertThat(firing.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = Json.read(firing.body());
        assertThat(body.get("status").asText()).isEqualTo("firing");
        assertThat(body.get("alertname").asText()).isEqualTo("OriginwatchOrigin520");
        assertThat(body.get("origin").asText()).isEqualTo("shop");
        assertThat(body.get("cause").asText()).isEqualTo("connection_reset");
        assertThat(body.get("edgeStatus").asInt()).isEqualTo(520);
        assertThat(body.get("severity").asText()).isEqualTo("critical");
        assertThat(body.get("detail").asText()).isEqualTo("connection_reset after 0 response bytes; request was sent");
        assertThat(body.get("timings").get("connect").asLong()).isEqualTo(12);
        assertThat(body.get("timings").get("total").asLong()).isEqualTo(57);
        assertThat(body.get("probedAt").asText()).isEqualTo("2026-11-23T20:00:30Z");
        assertThat(body.get("startsAt").asText()).isEqualTo("2026-11-23T20:00:00Z");
        assertThat(body.get("endsAt").isNull()).isTrue();
        assertThat(body.get("labels").get("team").asText()).isEqualTo("web");
        assertThat(body.get("url").asText()).isEqualTo("http://originwatch.test:8080/api/origins/shop");
        assertThat(body.get("runbookUrl").asText()).endsWith("/docs/runbooks.md#connection_reset");

        probe("shop", Cause.OK, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        WebhookReceiver.Request resolved = receiver.accepted().get(1);
        assertThat(resolved.header("X-Originwatch-Signature")).isEqualTo(signed(resolved));
        JsonNode rb = Json.read(resolved.body());
        assertThat(rb.get("status").asText()).isEqualTo("resolved");
        assertThat(rb.get("cause").asText()).isEqualTo("connection_reset");
        assertThat(rb.get("endsAt").isNull()).isFalse();
        assertThat(listener.count("sent")).isEqualTo(2);
        assertThat(dispatcher.workers().get(0).queueDepth()).isZero();
    }

    @Test
    void aCauseChangeWhileFiringIsOneUpdateNamingThePreviousCause() throws Exception {
        start(null);
        probe("shop", Cause.CONNECTION_RESET, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        probe("shop", Cause.EMPTY_RESPONSE, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        WebhookReceiver.Request update = receiver.accepted().get(1);
        assertThat(update.header("X-Originwatch-Signature"))
                .as("no secret, no signature")
                .isNull();
        JsonNode body = Json.read(update.body());
        assertThat(body.get("status").asText()).isEqualTo("firing");
        assertThat(body.get("cause").asText()).isEqualTo("empty_response");
        assertThat(body.get("previousCauses").get(0).asText()).isEqualTo("connection_reset");
        assertThat(dispatcher.active())
                .singleElement()
                .extracting(ActiveAlert::cause)
                .isEqualTo(Cause.EMPTY_RESPONSE);
    }

    @Test
    void aReceiverThatIsDownGetsTheCurrentStateOfEachAlertWhenItReturns() throws Exception {
        start(SECRET, 503, 503, 503, 503, 503, 503);
        probe("a", Cause.CONNECTION_RESET, 2);
        probe("b", Cause.CONNECT_TIMEOUT, 2);
        probe("a", Cause.OK, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 2);
        assertThat(receiver.accepted())
                .extracting(r -> Json.read(r.body()).get("origin").asText() + ":"
                        + Json.read(r.body()).get("status").asText())
                .containsExactly("a:resolved", "b:firing");
        assertThat(listener.count("failed")).isEqualTo(6);
    }

    @Test
    void a400DropsTheNotificationInsteadOfRetryingForever() throws Exception {
        start(null, 400);
        probe("shop", Cause.CONNECTION_RESET, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.count("rejected") == 1);
        probe("other", Cause.CONNECTION_RESET, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        assertThat(Json.read(receiver.accepted().get(0).body()).get("origin").asText())
                .isEqualTo("other");
    }

    @Test
    void signatureMatchesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSink.hmacSha256("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theSignatureCoversTheTimestampSoAnOldBodyCannotBeReplayedWithANewTime() {
        byte[] body = "{\"status\":\"firing\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSink.signature("k", 1_700_000_000L, body))
                .isEqualTo(WebhookSink.hmacSha256(
                        "k", "1700000000.{\"status\":\"firing\"}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(WebhookSink.signature("k", 1_700_000_001L, body))
                .isNotEqualTo(WebhookSink.hmacSha256("k", body));
    }

    /** What a receiver computes: HMAC-SHA256 of "<X-Originwatch-Timestamp>." + body. */
    private static String signed(WebhookReceiver.Request r) throws Exception {
        byte[] prefix = (r.header("X-Originwatch-Timestamp") + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + r.body().length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(r.body(), 0, all, prefix.length, r.body().length);
        return hmacSha256Hex(SECRET, all);
    }

    private static String hmacSha256Hex(String secret, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
