package io.originwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.app.VantageVerdict.State;
import io.originwatch.config.PeerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a peer vantage's latest verdict for one origin from its {@code GET /api/origins/{name}}
 * (the {@code OriginView} shape: {@code cause}, {@code up}, {@code probedAt}). Every call is bounded:
 * the connection, the answer's head and its body together get {@code timeout}, after which the call
 * is {@link State#UNKNOWN} and its worker is interrupted (which aborts the exchange). A peer that
 * answers non-2xx, more than {@link #MAX_ANSWER_BYTES}, or anything but an origin's JSON is unknown
 * too, never down. The token goes in the Authorization header only; no message shows it.
 */
final class PeerClient {

    /** An origin's JSON is a few KB; a larger answer is not one. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    PeerClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The peer's verdict for {@code origin}; completes within the timeout, never exceptionally. */
    CompletableFuture<VantageVerdict> verdict(PeerSettings peer, String origin) {
        CompletableFuture<VantageVerdict> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("peer-" + peer.name()).start(() -> {
            try {
                result.complete(fetch(peer, origin));
            } catch (RuntimeException e) {
                result.complete(VantageVerdict.unknown(peer.name(), "request failed: " + e.getMessage()));
            }
        });
        return result.completeOnTimeout(
                        VantageVerdict.unknown(peer.name(), "no answer within " + timeout.toMillis() + " ms"),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS)
                .whenComplete((v, e) -> worker.interrupt());
    }

    private VantageVerdict fetch(PeerSettings peer, String origin) {
        URI uri = URI.create(peer.url() + "/api/origins/" + segment(origin));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        try {
            peer.currentToken().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        } catch (UncheckedIOException e) {
            return VantageVerdict.unknown(
                    peer.name(),
                    "its token file cannot be read: " + e.getCause().getMessage());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            int status = response.statusCode();
            if (status == 404) {
                return VantageVerdict.unknown(peer.name(), "the peer has no origin " + origin + " (HTTP 404)");
            }
            if (status < 200 || status > 299) {
                return VantageVerdict.unknown(peer.name(), "the peer answered HTTP " + status);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                return VantageVerdict.unknown(peer.name(), "the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return parse(peer.name(), origin, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VantageVerdict.unknown(peer.name(), "no answer within " + timeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            // the client's own bound, racing the caller's: both mean the same, so both say the same
            return VantageVerdict.unknown(peer.name(), "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return VantageVerdict.unknown(peer.name(), "request failed: " + describe(e));
        }
    }

    private VantageVerdict parse(String vantage, String origin, byte[] body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (IOException e) {
            return VantageVerdict.unknown(vantage, "the answer is not JSON");
        }
        if (answer == null
                || !answer.path("cause").isTextual()
                || !answer.path("up").isBoolean()
                || !origin.equals(answer.path("name").asText(null))) {
            return VantageVerdict.unknown(vantage, "the answer is not origin " + origin + "'s JSON (name, cause, up)");
        }
        String cause = answer.get("cause").asText();
        String probedAt =
                answer.path("probedAt").isTextual() ? answer.get("probedAt").asText() : null;
        State state = "pending".equals(cause) ? State.PENDING : answer.get("up").asBoolean() ? State.UP : State.DOWN;
        return new VantageVerdict(vantage, false, state, cause, probedAt, null);
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + m;
    }
}
