package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.lab.LabOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prober + real Classifier against every lab origin: each cause of the catalogue and each warning,
 * with the edge status and the detail an operator reads. All origins are probed at once on virtual
 * threads, each within its own bound.
 */
class LabClassificationTest {

    /** One row: what a probe of {@code origin} must conclude. {@code detail} is a prefix or, with "~", a fragment. */
    record Row(String origin, Cause cause, int edgeStatus, List<Warning> warnings, String detail) {
        @Override
        public String toString() {
            return origin + " -> " + cause.label();
        }
    }

    private static final int DYNAMIC = -1;

    static Stream<Row> rows() {
        return Stream.of(
                new Row(
                        "lab-unreachable",
                        Cause.UNREACHABLE,
                        523,
                        List.of(),
                        "unreachable.lab.test:80 unreachable: cannot resolve unreachable.lab.test: no addresses"),
                new Row(
                        "lab-connection-refused",
                        Cause.CONNECTION_REFUSED,
                        521,
                        List.of(),
                        "connection refused by 127.0.0.1:"),
                new Row("lab-connect-timeout", Cause.CONNECT_TIMEOUT, 522, List.of(), "~not complete within 2 s"),
                new Row(
                        "lab-tls-handshake-failed",
                        Cause.TLS_HANDSHAKE_FAILED,
                        525,
                        List.of(),
                        "TLS handshake failed: origin answered the ClientHello with bytes that are not TLS"),
                new Row(
                        "lab-tls-certificate-invalid",
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        List.of(),
                        "certificate expired on "),
                new Row(
                        "lab-connection-reset",
                        Cause.CONNECTION_RESET,
                        520,
                        List.of(),
                        "connection reset by peer after 0 response bytes; request was sent"),
                new Row(
                        "lab-empty-response",
                        Cause.EMPTY_RESPONSE,
                        520,
                        List.of(),
                        "connection closed before any response byte"),
                new Row(
                        "lab-headers-too-large",
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        List.of(),
                        "header section exceeds limit 8192 bytes (stopped reading after 8193 bytes)"),
                new Row(
                        "lab-missing-headers",
                        Cause.MISSING_HEADERS,
                        520,
                        List.of(),
                        "status line \"HTTP/1.1 200 OK\" followed by empty line with no header fields"),
                new Row("lab-invalid-response", Cause.INVALID_RESPONSE, 520, List.of(), "malformed header line 2"),
                new Row(
                        "lab-response-timeout",
                        Cause.RESPONSE_TIMEOUT,
                        524,
                        List.of(),
                        "no complete header section within 3 s (0 response bytes received)"),
                new Row(
                        "lab-unexpected-status",
                        Cause.UNEXPECTED_STATUS,
                        503,
                        List.of(),
                        "status 503 Service Unavailable not in expected 200-399"),
                new Row("lab-ok", Cause.OK, 200, List.of(), "status 200 OK in expected 200-399"),
                new Row("lab-ok-https", Cause.OK, 200, List.of(), "status 200 OK"),
                new Row("lab-ok-ipv6", Cause.OK, 200, List.of(), "status 200 OK"),
                new Row("lab-headers-near-limit", Cause.OK, 200, List.of(Warning.HEADERS_NEAR_LIMIT), "status 200 OK"),
                new Row("lab-slow-response", Cause.OK, 200, List.of(Warning.SLOW_RESPONSE), "status 200 OK"),
                new Row(
                        "lab-certificate-expiring",
                        Cause.OK,
                        200,
                        List.of(Warning.CERTIFICATE_EXPIRING),
                        "status 200 OK"),
                new Row(
                        "lab-certificate-invalid",
                        Cause.OK,
                        200,
                        List.of(Warning.CERTIFICATE_INVALID),
                        "status 200 OK"),
                new Row("lab-body-truncated", Cause.OK, 200, List.of(Warning.BODY_TRUNCATED), "status 200 OK"),
                new Row("lab-drip-feed", Cause.RESPONSE_TIMEOUT, 524, List.of(), "~response bytes received"),
                new Row(
                        "lab-endless-headers",
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        List.of(),
                        "header section exceeds limit 8192 bytes (stopped reading after 8193 bytes)"),
                new Row("lab-endless-body", Cause.OK, 200, List.of(), "status 200 OK"),
                new Row("lab-h2-ok", Cause.OK, 200, List.of(), "status 200 in expected 200-399"),
                new Row("lab-h2-selects-http1", Cause.OK, 200, List.of(), "status 200 OK"),
                new Row("lab-h2-graceful-goaway", Cause.OK, 200, List.of(), "status 200 in expected"),
                new Row("lab-h2-early-hints", Cause.OK, 200, List.of(), "status 200 in expected"),
                new Row(
                        "lab-h2-spoke-http1",
                        Cause.H2_SPOKE_HTTP1,
                        520,
                        List.of(),
                        "ALPN selected h2 but the origin answered in HTTP/1.x: \"HTTP/1.1 400 Bad Request\""),
                new Row(
                        "lab-h2-goaway",
                        Cause.H2_GOAWAY,
                        520,
                        List.of(),
                        "origin sent GOAWAY PROTOCOL_ERROR; stream 1 was not processed (last stream 0); debug"
                                + " \"originwatch-lab refuses\""),
                new Row(
                        "lab-h2-stream-reset",
                        Cause.H2_STREAM_RESET,
                        520,
                        List.of(),
                        "origin reset stream 1 with HTTP_1_1_REQUIRED before the response head"),
                new Row(
                        "lab-h2-protocol-error",
                        Cause.H2_PROTOCOL_ERROR,
                        520,
                        List.of(),
                        "HTTP/2 PROTOCOL_ERROR: the server's first frame is PING"),
                new Row(
                        "lab-h2-malformed-response",
                        Cause.H2_MALFORMED_RESPONSE,
                        520,
                        List.of(),
                        "malformed HTTP/2 response head: field \"Server\": uppercase letter in the name"),
                new Row(
                        "lab-h2-headers-too-large",
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        List.of(),
                        "header section exceeds limit 8192 bytes measured as HTTP/1.1"),
                new Row("lab-client-certificate-ok", Cause.OK, 200, List.of(), "status 200 OK"),
                new Row(
                        "lab-client-certificate-missing-tls12",
                        Cause.CLIENT_CERTIFICATE_REJECTED,
                        525,
                        List.of(),
                        "origin refused the client certificate with TLS alert handshake_failure (40) during the TLS"
                                + " handshake (TLS 1.2 checks the client certificate inside it; edge: 525); no client"
                                + " certificate is configured (tls-client-certificate); the origin accepts CAs"
                                + " [CN=originwatch lab origin-pull CA,O=originwatch]"),
                new Row(
                        "lab-client-certificate-missing-tls13",
                        Cause.CLIENT_CERTIFICATE_REJECTED,
                        520,
                        List.of(),
                        "origin refused the client certificate with TLS alert certificate_required (116) after the"
                                + " TLS 1.3 handshake (edge: 520); no client certificate is configured"),
                new Row(
                        "lab-client-certificate-wrong-ca",
                        Cause.CLIENT_CERTIFICATE_REJECTED,
                        520,
                        List.of(),
                        "~after the TLS 1.3 handshake (edge: 520); sent CN=stranger.lab.test,O=originwatch lab"),
                new Row(
                        "lab-client-certificate-expiring",
                        Cause.OK,
                        200,
                        List.of(Warning.CLIENT_CERTIFICATE_EXPIRING),
                        "status 200 OK"),
                new Row(
                        "lab-client-certificate-not-requested",
                        Cause.OK,
                        200,
                        List.of(Warning.CLIENT_CERTIFICATE_NOT_REQUESTED),
                        "status 200 OK"));
    }

    @RegisterExtension
    static final LabProber LAB = new LabProber();

    private static final Map<String, Verdict> VERDICTS = new ConcurrentHashMap<>();
    private static final Map<String, Duration> ELAPSED = new ConcurrentHashMap<>();

    @BeforeAll
    static void probeEveryOrigin() throws Exception {
        Classifier classifier = new Classifier();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (LabOrigin o : LAB.lab().origins()) {
                pool.submit(() -> {
                    long start = System.nanoTime();
                    ProbeResult r = LAB.prober().probe(LAB.spec(o), ProbeListener.NONE);
                    ELAPSED.put(o.name(), Duration.ofNanos(System.nanoTime() - start));
                    VERDICTS.put(o.name(), classifier.classify(r, Instant.now()));
                });
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void probeConcludesTheRowsCause(Row row) {
        Verdict v = VERDICTS.get(row.origin());
        assertThat(v).as("verdict for %s", row.origin()).isNotNull();
        assertThat(v.cause()).as("%s: %s", row.origin(), v.detail()).isEqualTo(row.cause());
        assertThat(v.edgeStatus()).isEqualTo(row.edgeStatus());
        assertThat(v.warnings()).as("%s warnings", row.origin()).containsExactlyElementsOf(row.warnings());
        if (row.detail().startsWith("~")) {
            assertThat(v.detail()).contains(row.detail().substring(1));
        } else {
            assertThat(v.detail()).startsWith(row.detail());
        }
        LabOrigin o = LAB.origin(row.origin());
        assertThat(v.cause().label()).as("the lab's own expectation").isEqualTo(o.expectedCause());
        assertThat(v.warnings().stream().map(Warning::label).toList()).isEqualTo(o.expectedWarnings());
        assertThat(ELAPSED.get(row.origin())).isLessThan(LabFixture.bound(o));
    }

    @Test
    void everyCauseAndWarningIsCoveredAndEveryLabOriginHasARow() {
        Set<Cause> causes = rows().map(Row::cause).collect(Collectors.toCollection(() -> EnumSet.noneOf(Cause.class)));
        assertThat(causes).containsAll(EnumSet.complementOf(EnumSet.of(Cause.PROBE_ERROR)));
        assertThat(rows().flatMap(r -> r.warnings().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Warning.values());
        assertThat(rows().map(Row::origin).toList())
                .containsExactlyInAnyOrderElementsOf(
                        LAB.lab().origins().stream().map(LabOrigin::name).toList());
    }

    @Test
    void expiredCertificateVerdictNamesTheLeafsExpiryDate() {
        Verdict v = VERDICTS.get("lab-tls-certificate-invalid");
        String day = v.result().tls().leafNotAfter().toString().substring(0, 10);
        assertThat(v.detail()).isEqualTo("certificate expired on " + day);
    }
}
