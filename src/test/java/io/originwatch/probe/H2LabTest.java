package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the h2 lab origins show beside the cause: ALPN, the HTTP version spoken, the head and body as read. */
class H2LabTest {

    @RegisterExtension
    static final LabProber LAB = new LabProber();

    @Test
    void h2OriginIsSpokenToInHttp2() {
        ProbeResult r = LAB.probe("lab-h2-ok");
        assertThat(r.failure()).isNull();
        assertThat(r.alpn()).isEqualTo("h2");
        assertThat(r.httpVersion()).isEqualTo("HTTP/2");
        assertThat(r.head().version()).isEqualTo("HTTP/2");
        assertThat(r.head().first("content-type")).contains("text/plain");
        // "HTTP/1.1 200\\r\\n" + 3 fields + the empty line
        assertThat(r.headerBytes())
                .isEqualTo(14
                        + "server: originwatch-lab\r\n".length()
                        + "content-type: text/plain\r\n".length()
                        + "content-length: 13\r\n".length()
                        + 2);
        assertThat(r.bodyBytes()).isEqualTo(13);
        assertThat(new String(r.evidence().body())).isEqualTo("hello, world\n");
        assertThat(r.bodyEndedEarly()).isFalse();
        assertThat(new String(r.evidence().requestHead())).startsWith("GET / HTTP/2\r\n:method: GET\r\n");
        assertThat(new String(r.evidence().responseHead())).startsWith("HTTP/2 200\r\nserver: originwatch-lab\r\n");
    }

    @Test
    void originThatSelectsHttp11IsSpokenToInHttp11() {
        ProbeResult r = LAB.probe("lab-h2-selects-http1");
        assertThat(r.failure()).isNull();
        assertThat(r.alpn()).isEqualTo("http/1.1");
        assertThat(r.httpVersion()).isEqualTo("HTTP/1.1");
        assertThat(r.head().version()).isEqualTo("HTTP/1.1");
    }

    @Test
    void originWithoutAlpnHasNoAlpnAndSpeaksHttp11() {
        ProbeResult r = LAB.probe("lab-ok-https");
        assertThat(r.failure()).isNull();
        assertThat(r.alpn()).isNull();
        assertThat(r.httpVersion()).isEqualTo("HTTP/1.1");
    }

    @Test
    void failedH2ExchangeStillSaysH2() {
        ProbeResult r = LAB.probe("lab-h2-malformed-response");
        assertThat(r.failure()).isInstanceOf(ProbeFailure.H2.class);
        assertThat(r.alpn()).isEqualTo("h2");
        assertThat(r.httpVersion()).isEqualTo("HTTP/2");
        assertThat(new String(r.evidence().responseHead())).startsWith("HTTP/2 200\r\nServer: originwatch-lab\r\n");
    }

    private static io.originwatch.classify.Verdict probe(String origin, HttpVersion version) {
        ProbeSpec spec =
                LAB.spec(LAB.origin(origin)).toBuilder().httpVersion(version).build();
        return new io.originwatch.classify.Classifier()
                .classify(LAB.prober().probe(spec, ProbeListener.NONE), java.time.Instant.now());
    }

    @Test
    void http2OnlyAgainstAnOriginWithoutAlpnIsSpokeHttp1() {
        var v = probe("lab-ok-https", HttpVersion.HTTP_2);
        assertThat(v.cause().label()).isEqualTo("h2_spoke_http1");
        assertThat(v.detail())
                .isEqualTo("http-version \"2\" offered only h2 in ALPN and the origin selected no"
                        + " protocol: it does not speak HTTP/2 on this port");
        assertThat(v.result().httpVersion()).isNull();
    }

    @Test
    void http2OnlyAgainstAnHttp11OnlyAlpnServerFailsTheHandshake() {
        var v = probe("lab-h2-selects-http1", HttpVersion.HTTP_2);
        // RFC 7301: a server with no protocol in common answers no_application_protocol
        assertThat(v.cause().label()).isEqualTo("tls_handshake_failed");
        assertThat(v.detail()).contains("no_application_protocol");
    }

    @Test
    void http2OnlySpeaksHttp2ToAnH2Origin() {
        var v = probe("lab-h2-ok", HttpVersion.HTTP_2);
        assertThat(v.cause().label()).isEqualTo("ok");
        assertThat(v.result().httpVersion()).isEqualTo("HTTP/2");
    }

    @Test
    void http11OfferNoAlpnToAnAlpnServer() {
        var v = probe("lab-h2-selects-http1", HttpVersion.HTTP_1_1);
        assertThat(v.cause().label()).isEqualTo("ok");
        assertThat(v.result().alpn()).isNull();
        assertThat(v.result().httpVersion()).isEqualTo("HTTP/1.1");
    }

    @Test
    void plainHttpHasNoAlpn() {
        ProbeResult r = LAB.probe("lab-ok");
        assertThat(r.alpn()).isNull();
        assertThat(r.httpVersion()).isEqualTo("HTTP/1.1");
    }
}
