package io.originwatch.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a {@link WebhookPayload} per notification to one URL, with configured headers and, when a
 * secret is set, {@code X-Originwatch-Timestamp: <unix seconds>} and
 * {@code X-Originwatch-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>." + the exact body bytes>}.
 * The timestamp is signed with the body so a receiver can refuse replays: it checks the signature,
 * then that the timestamp is recent (docs/alerting.md suggests 5 minutes).
 */
public final class WebhookSink implements AlertSink {

    public static final String SIGNATURE_HEADER = "X-Originwatch-Signature";
    public static final String TIMESTAMP_HEADER = "X-Originwatch-Timestamp";
    /** Total deadline of one delivery attempt, the answer's body included. */
    public static final Duration DEFAULT_TIMEOUT = HttpDelivery.DEFAULT_TIMEOUT;

    private final String name;
    private final URI url;
    private final Supplier<String> secret;
    private final Supplier<Map<String, String>> headers;
    private final HttpClient client;
    private final AlertTexts texts;
    private final Function<Object, String> json;
    private final Duration timeout;
    private final Clock clock;

    /** @param secret HMAC key, or null/empty for unsigned requests */
    public WebhookSink(
            String name,
            URI url,
            String secret,
            Map<String, String> headers,
            HttpClient client,
            AlertTexts texts,
            Function<Object, String> json) {
        this(name, url, secret, headers, client, texts, json, HttpDelivery.DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /**
     * @param timeout total deadline of one attempt, the answer's body included
     * @param clock   source of the signed timestamp
     */
    public WebhookSink(
            String name,
            URI url,
            String secret,
            Map<String, String> headers,
            HttpClient client,
            AlertTexts texts,
            Function<Object, String> json,
            Duration timeout,
            Clock clock) {
        this(name, url, () -> secret, constant(headers), client, texts, json, timeout, clock);
    }

    private static Supplier<Map<String, String>> constant(Map<String, String> headers) {
        Map<String, String> copy = Map.copyOf(headers);
        return () -> copy;
    }

    /**
     * @param secret  the HMAC key in force at each delivery (a secret file's current content), null or
     *                empty for an unsigned request
     * @param headers the extra request headers in force at each delivery (files' current contents)
     */
    public WebhookSink(
            String name,
            URI url,
            Supplier<String> secret,
            Supplier<Map<String, String>> headers,
            HttpClient client,
            AlertTexts texts,
            Function<Object, String> json,
            Duration timeout,
            Clock clock) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.client = Objects.requireNonNull(client, "client");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Notification n) throws DeliveryException {
        byte[] body = json.apply(payload(n)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(headers.get());
        String secret = this.secret.get();
        if (secret != null && !secret.isEmpty()) {
            long timestamp = clock.instant().getEpochSecond();
            all.put(TIMESTAMP_HEADER, Long.toString(timestamp));
            all.put(SIGNATURE_HEADER, signature(secret, timestamp, body));
        }
        HttpDelivery.post(client, url, body, all, timeout);
    }

    public WebhookPayload payload(Notification n) {
        ActiveAlert a = n.alert();
        Map<String, Long> timings = new LinkedHashMap<>();
        a.timings().byPhase().forEach((phase, d) -> timings.put(phase.label(), d.toMillis()));
        boolean resolved = n.state() == Notification.State.RESOLVED;
        return new WebhookPayload(
                n.state().label(),
                AlertTexts.alertName(a.cause()),
                a.origin(),
                a.cause().label(),
                n.superseded().stream().map(s -> s.cause().label()).toList(),
                a.edgeStatus(),
                a.severity(),
                a.detail(),
                timings,
                a.probedAt().toString(),
                a.startsAt().toString(),
                resolved ? n.at().toString() : null,
                a.originLabels(),
                texts.originUrl(a.origin()),
                texts.runbookUrl(a.cause()));
    }

    /**
     * {@code sha256=} and the lower-case hex HMAC-SHA256, under {@code secret}, of the timestamp in
     * decimal, a dot, and the exact body bytes.
     */
    public static String signature(String secret, long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return hmacSha256(secret, signed);
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code data} under {@code secret}. */
    static String hmacSha256(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
