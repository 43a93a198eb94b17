package io.originwatch.probe;

import static io.originwatch.probe.LabFixture.bound;
import static io.originwatch.probe.LabFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.http1.ParseFailure;
import io.originwatch.lab.LabOrigin;
import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Raw probe facts against real loopback origins from the lab, one test per catalogue row. */
class ProberTest {

    @RegisterExtension
    static final LabProber LAB = new LabProber();

    @Test
    void unreachableNameFailsInDns() {
        ProbeResult r = LAB.probe("lab-unreachable");
        assertThat(r.failure())
                .isInstanceOfSatisfying(
                        ProbeFailure.Unreachable.class,
                        f -> assertThat(f.reason()).isEqualTo("cannot resolve unreachable.lab.test: no addresses"));
        assertThat(r.timings().get(Phase.DNS)).isEmpty();
        assertThat(r.timings().get(Phase.CONNECT)).isEmpty();
        assertThat(r.connectedAddress()).isNull();
    }

    @Test
    void closedPortIsRefused() {
        LabOrigin o = LAB.origin("lab-connection-refused");
        ProbeResult r = LAB.probe(o.name());
        assertThat(r.failure()).isEqualTo(new ProbeFailure.Refused("Connection refused"));
        assertThat(r.timings().get(Phase.DNS)).as("IP literal skips DNS").isEmpty();
        assertThat(r.timings().get(Phase.CONNECT)).isEmpty();
        assertThat(r.connectedAddress()).isNull();
    }

    @Test
    void filledBacklogTimesOutAfterConnectTimeout() {
        LabOrigin o = LAB.origin("lab-connect-timeout");
        long start = System.nanoTime();
        ProbeResult r = LAB.probe(o.name());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.failure())
                .isEqualTo(new ProbeFailure.ConnectTimeout(o.connectTimeout().toMillis()));
        assertThat(elapsed)
                .isBetween(
                        o.connectTimeout().minusMillis(50), o.connectTimeout().plus(LabFixture.BOUND_SLACK));
        assertThat(r.connectedAddress()).isNull();
    }

    @Test
    void plainTextOnTlsPortFailsTheHandshake() {
        ProbeResult r = LAB.probe("lab-tls-handshake-failed");
        assertThat(r.failure())
                .isInstanceOfSatisfying(
                        ProbeFailure.TlsHandshake.class,
                        f -> assertThat(f.reason()).contains("not TLS"));
        assertThat(r.connectedAddress()).isNotNull();
        assertThat(r.timings().get(Phase.CONNECT)).isPresent();
        assertThat(r.timings().get(Phase.TLS)).isEmpty();
        assertThat(r.tls().protocol()).isNull();
        assertThat(r.evidence().requestHead()).isEmpty();
    }

    @Test
    void expiredCertificateIsReportedWithItsDate() {
        ProbeResult r = LAB.probe("lab-tls-certificate-invalid");
        Instant notAfter = r.tls().leafNotAfter();
        assertThat(notAfter).isBefore(Instant.now());
        String day = LocalDate.ofInstant(notAfter, ZoneOffset.UTC).toString();
        assertThat(r.failure()).isEqualTo(new ProbeFailure.TlsCertificate("certificate expired on " + day));
        assertThat(r.tls().validationError()).isEqualTo("certificate expired on " + day);
        assertThat(r.tls().leafSans()).containsExactly("tls-certificate-invalid.lab.test");
        assertThat(r.tls().leafIssuer()).isEqualTo("CN=originwatch lab CA,O=originwatch");
        assertThat(r.tls().protocol()).isEqualTo("TLSv1.3");
        assertThat(r.timings().get(Phase.TLS))
                .as("the handshake itself completed")
                .isPresent();
        assertThat(r.evidence().requestHead())
                .as("no request over an invalid certificate")
                .isEmpty();
    }

    @Test
    void resetAfterTheRequestIsAReset() {
        ProbeResult r = LAB.probe("lab-connection-reset");
        assertThat(r.failure()).isEqualTo(new ProbeFailure.Reset(0, true));
        assertThat(r.timings().get(Phase.TTFB)).isEmpty();
        assertThat(new String(r.evidence().requestHead(), StandardCharsets.ISO_8859_1))
                .startsWith("GET / HTTP/1.1\r\nHost: connection-reset.lab.test\r\nUser-Agent: originwatch-test/1\r\n"
                        + "Accept: */*\r\nConnection: close\r\n\r\n");
    }

    @Test
    void resetAfterSomeHeaderBytesCountsThem() throws IOException {
        byte[] partial = "HTTP/1.1 200 OK\r\nX-A: b".getBytes(StandardCharsets.ISO_8859_1);
        CountDownLatch firstByte = new CountDownLatch(1);
        try (ScriptedOrigin origin = new ScriptedOrigin(ScriptedOrigin.partialHeadThenReset(partial, firstByte))) {
            ProbeSpec spec = ProbeBuilder.probe()
                    .name("partial-reset")
                    .url(origin.url("http"))
                    .host("partial.lab.test")
                    .connectTimeout(Duration.ofSeconds(1))
                    .responseTimeout(Duration.ofSeconds(2))
                    .bodyLimit(1024)
                    .userAgent("t")
                    .spec();
            ProbeResult r = LAB.prober().probe(spec, new ProbeListener() {
                @Override
                public void responseFirstByte() {
                    firstByte.countDown();
                }
            });
            assertThat(r.failure()).isEqualTo(new ProbeFailure.Reset(partial.length, true));
            assertThat(r.evidence().responseHead()).isEqualTo(partial);
            assertThat(r.timings().get(Phase.TTFB)).isPresent();
        }
    }

    @Test
    void interimHeadsAreSkipped() throws IOException {
        byte[] answer = ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (ScriptedOrigin origin = new ScriptedOrigin(s -> {
            s.getInputStream().read(new byte[4096]);
            s.getOutputStream().write(answer);
        })) {
            ProbeSpec spec = ProbeBuilder.probe()
                    .name("interim")
                    .url(origin.url("http"))
                    .host("interim.lab.test")
                    .connectTimeout(Duration.ofSeconds(1))
                    .responseTimeout(Duration.ofSeconds(2))
                    .bodyLimit(1024)
                    .userAgent("t")
                    .spec();
            ProbeResult r = LAB.prober().probe(spec, ProbeListener.NONE);
            assertThat(r.failure()).isNull();
            assertThat(r.head().status()).isEqualTo(200);
            assertThat(r.head().headerSectionBytes())
                    .isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n".length());
            assertThat(r.bodyBytes()).isEqualTo(2);
            assertThat(r.bodyEndedEarly()).isFalse();
            assertThat(r.evidence().responseHead()).hasSize(answer.length - 2);
        }
    }

    @Test
    void closeWithoutAByteIsAnEmptyResponse() {
        ProbeResult r = LAB.probe("lab-empty-response");
        assertThat(r.failure()).isEqualTo(new ProbeFailure.Parse(new ParseFailure.EmptyResponse()));
        assertThat(r.timings().get(Phase.TTFB)).isEmpty();
        assertThat(r.evidence().responseHead()).isEmpty();
    }

    @Test
    void oversizedHeaderSectionStopsOneByteOverTheLimit() {
        ProbeResult r = LAB.probe("lab-headers-too-large");
        assertThat(r.failure()).isEqualTo(new ProbeFailure.Parse(new ParseFailure.HeadersTooLarge(8192, 8193)));
        assertThat(r.headerBytes()).isEqualTo(8193);
        assertThat(r.evidence().responseHead()).hasSize(8193);
        assertThat(r.timings().get(Phase.TTFB)).isPresent();
    }

    @Test
    void statusLineWithoutFieldsIsMissingHeaders() {
        ProbeResult r = LAB.probe("lab-missing-headers");
        assertThat(r.failure())
                .isInstanceOfSatisfying(
                        ProbeFailure.Parse.class,
                        p -> assertThat(p.failure())
                                .isEqualTo(new ParseFailure.MissingHeaders("HTTP/1.1 200 OK", false)));
    }

    @Test
    void headerLineWithoutColonIsInvalid() {
        ProbeResult r = LAB.probe("lab-invalid-response");
        assertThat(r.failure()).isInstanceOfSatisfying(ProbeFailure.Parse.class, p -> {
            assertThat(p.failure()).isInstanceOf(ParseFailure.MalformedHeader.class);
            assertThat(((ParseFailure.MalformedHeader) p.failure()).lineNumber())
                    .isEqualTo(2);
        });
        assertThat(new String(r.evidence().responseHead(), StandardCharsets.ISO_8859_1))
                .startsWith("HTTP/1.1 200 OK\r\n");
    }

    @Test
    void silentOriginTimesOutAfterResponseTimeout() {
        LabOrigin o = LAB.origin("lab-response-timeout");
        long start = System.nanoTime();
        ProbeResult r = LAB.probe(o.name());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.failure())
                .isEqualTo(new ProbeFailure.ResponseTimeout(o.responseTimeout().toMillis(), 0));
        assertThat(elapsed).isBetween(o.responseTimeout().minusMillis(50), bound(o));
        assertThat(r.timings().get(Phase.SEND)).isPresent();
        assertThat(r.timings().get(Phase.TTFB)).isEmpty();
    }

    @Test
    void unexpectedStatusIsAValidHead() {
        ProbeResult r = LAB.probe("lab-unexpected-status");
        assertThat(r.failure()).isNull();
        assertThat(r.head().status()).isEqualTo(503);
        assertThat(r.head().first("retry-after")).contains("30");
        assertThat(r.spec().expectStatus().contains(503)).isFalse();
    }

    @Test
    void okOverHttp() {
        ProbeResult r = LAB.probe("lab-ok");
        assertThat(r.failure()).isNull();
        assertThat(r.head().status()).isEqualTo(200);
        assertThat(r.tls()).isNull();
        assertThat(r.bodyBytes()).isEqualTo(13);
        assertThat(r.bodyEndedEarly()).isFalse();
        assertThat(r.bodyLimitReached()).isFalse();
        assertThat(r.connectedAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(r.timings().byPhase().keySet())
                .containsExactlyInAnyOrder(Phase.CONNECT, Phase.SEND, Phase.TTFB, Phase.RECEIVE, Phase.TOTAL);
        assertThat(r.headerBytes())
                .isEqualTo(r.head().headerSectionBytes())
                .isEqualTo(r.evidence().responseHead().length);
    }

    @Test
    void okOverHttpsTrustedThroughTrustCa() {
        ProbeResult r = LAB.probe("lab-ok-https");
        assertThat(r.failure()).isNull();
        assertThat(r.head().status()).isEqualTo(200);
        assertThat(r.tls().validationError()).isNull();
        assertThat(r.tls().protocol()).isEqualTo("TLSv1.3");
        assertThat(r.tls().cipherSuite()).startsWith("TLS_");
        assertThat(r.tls().leafSubject()).isEqualTo("CN=ok-https.lab.test,O=originwatch lab");
        assertThat(r.tls().leafNotAfter()).isAfter(Instant.now().plus(Duration.ofDays(30)));
        assertThat(r.timings().get(Phase.TLS)).isPresent();
    }

    @Test
    void sameHttpsOriginWithoutTrustCaIsUntrusted() {
        LabOrigin o = LAB.origin("lab-ok-https");
        ProbeResult r = LAB.prober().probe(spec(o, null, "GET"), ProbeListener.NONE);
        assertThat(r.failure())
                .isEqualTo(new ProbeFailure.TlsCertificate("untrusted issuer CN=originwatch lab CA,O=originwatch"));
        assertThat(r.tls().leafSubject()).isEqualTo("CN=ok-https.lab.test,O=originwatch lab");
    }

    @Test
    void ipv6Loopback() {
        LabOrigin o = LAB.origin("lab-ok-ipv6");
        assertThat(o.url().getHost()).isEqualTo("[::1]");
        ProbeResult r = LAB.probe(o.name());
        assertThat(r.failure()).isNull();
        assertThat(r.head().status()).isEqualTo(200);
        assertThat(r.connectedAddress().getAddress()).isInstanceOf(Inet6Address.class);
        assertThat(r.connectedAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(r.timings().get(Phase.DNS)).isEmpty();
    }

    @Test
    void headMethodReadsNoBody() {
        LabOrigin o = LAB.origin("lab-ok");
        ProbeResult r = LAB.prober().probe(spec(o, null, "HEAD"), ProbeListener.NONE);
        assertThat(r.failure()).isNull();
        assertThat(r.bodyBytes()).isZero();
        assertThat(new String(r.evidence().requestHead(), StandardCharsets.ISO_8859_1))
                .startsWith("HEAD / HTTP/1.1\r\n");
    }
}
