package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originwatch.http1.HeaderField;
import io.originwatch.probe.ProbeSpec.RequestHeader;
import io.originwatch.testing.ProbeBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secret values never reach a HAR or a curl line; names stay; other values are untouched. */
class RedactionTest {

    private static final List<RequestHeader> SECRETS = List.of(
            new RequestHeader("Authorization", "Bearer s3cret-token"),
            new RequestHeader("Cookie", "session=s3cret-cookie"),
            new RequestHeader("Proxy-Authorization", "Basic s3cret-proxy"),
            new RequestHeader("X-Api-Key", "s3cret-key"),
            new RequestHeader("X-Trace", "visible-trace"));

    @Test
    void requestAndResponseSecretsAreRedactedNamesKept() {
        var verdict = ProbeBuilder.exchange(
                        List.of(
                                new HeaderField("Set-Cookie", "sid=s3cret-set"),
                                new HeaderField("X-Upstream-Token", "s3cret-upstream"),
                                new HeaderField("Content-Type", "text/plain")),
                        "hi")
                .url("https://203.0.113.10/login")
                .host("shop.example.com")
                .headers(SECRETS)
                .classify();
        Har har = new HarBuilder("t", new Redactor(Set.of("x-api-key", "X-UPSTREAM-TOKEN")))
                .build(verdict, ProbeKind.DIRECT);
        byte[] json = HarSchema.JSON.bytes(har);
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("s3cret");

        JsonNode entry = HarSchema.valid(har).at("/log/entries/0");
        assertThat(value(entry.at("/request/headers"), "Authorization")).isEqualTo("[redacted]");
        assertThat(value(entry.at("/request/headers"), "Cookie")).isEqualTo("[redacted]");
        assertThat(value(entry.at("/request/headers"), "Proxy-Authorization")).isEqualTo("[redacted]");
        assertThat(value(entry.at("/request/headers"), "X-Api-Key")).isEqualTo("[redacted]");
        assertThat(value(entry.at("/request/headers"), "X-Trace")).isEqualTo("visible-trace");
        assertThat(value(entry.at("/response/headers"), "Set-Cookie")).isEqualTo("[redacted]");
        assertThat(value(entry.at("/response/headers"), "X-Upstream-Token")).isEqualTo("[redacted]");
        assertThat(value(entry.at("/response/headers"), "Content-Type")).isEqualTo("text/plain");
        // the sizes are the real bytes on the wire, secrets included
        assertThat(entry.at("/request/headersSize").asInt())
                .isEqualTo(verdict.result().evidence().requestHead().length);

        String curl = entry.get("_curl").asText();
        assertThat(curl)
                .contains(
                        "-H 'Authorization: <redacted>'",
                        "-H 'Cookie: <redacted>'",
                        "-H 'X-Api-Key: <redacted>'",
                        "-H 'X-Trace: visible-trace'");
    }

    @Test
    void secretsInABrokenHeadAreRedactedToo() {
        byte[] head = "HTTP/1.1 200 OK\r\nSet-Cookie: a=s3cret\r\nno colon here\r\nAuthoriz"
                .getBytes(StandardCharsets.ISO_8859_1);
        RawHead raw = RawHead.parse(head, Redactor.defaults());
        assertThat(raw.headers()).extracting(Har.Header::value).containsExactly("[redacted]", "", "");
        assertThat(raw.headers())
                .extracting(Har.Header::comment)
                .containsExactly(null, RawHead.NO_COLON, RawHead.CUT_OFF);
        assertThat(raw.complete()).isFalse();
    }

    @Test
    void interimHeadsAreSkippedInRawHeads() {
        byte[] head =
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nA: b\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        RawHead raw = RawHead.parse(head, Redactor.defaults());
        assertThat(raw.startLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(raw.headers()).containsExactly(new Har.Header("A", "b", null));
        assertThat(raw.complete()).isTrue();
    }

    private static String value(JsonNode headers, String name) {
        for (JsonNode h : headers) {
            if (h.get("name").asText().equals(name)) {
                return h.get("value").asText();
            }
        }
        throw new AssertionError("no header " + name + " in " + headers);
    }
}
