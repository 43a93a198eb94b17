package io.originwatch.classify;

import static io.originwatch.classify.Warning.BODY_TRUNCATED;
import static io.originwatch.classify.Warning.CERTIFICATE_EXPIRING;
import static io.originwatch.classify.Warning.CERTIFICATE_INVALID;
import static io.originwatch.classify.Warning.CLIENT_CERTIFICATE_EXPIRING;
import static io.originwatch.classify.Warning.CLIENT_CERTIFICATE_NOT_REQUESTED;
import static io.originwatch.classify.Warning.HEADERS_NEAR_LIMIT;
import static io.originwatch.classify.Warning.SLOW_RESPONSE;
import static io.originwatch.testing.ProbeBuilder.NOW;
import static io.originwatch.testing.ProbeBuilder.failed;
import static io.originwatch.testing.ProbeBuilder.ok;
import static io.originwatch.testing.ProbeBuilder.parseFailed;
import static io.originwatch.testing.ProbeBuilder.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.http1.ParseFailure;
import io.originwatch.http2.ErrorCode;
import io.originwatch.http2.H2Failure;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.TlsFacts;
import io.originwatch.testing.ProbeBuilder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cause, every warning and the rule order, over hand-built probe results. */
class ClassifierTest {

    private static final String MISMATCH = "certificate names [a.test] do not match origin.test";
    private static final Duration HALF_TIMEOUT = EdgeLimits.DEFAULT_RESPONSE_TIMEOUT.dividedBy(2);
    private static final Duration DAYS_14 = EdgeLimits.CERTIFICATE_EXPIRING_WITHIN;

    /** {@code httpStatus} 0 = no head; {@code detail} null = not asserted in this row. */
    record Case(
            String name,
            ProbeBuilder probe,
            Cause cause,
            int edgeStatus,
            int httpStatus,
            List<Warning> warnings,
            String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, ProbeBuilder r, Cause cause, int edge, int http, String detail, Warning... warnings) {
        return new Case(name, r, cause, edge, http, List.of(warnings), detail);
    }

    private static ProbeBuilder h2(H2Failure failure) {
        return failed(new ProbeFailure.H2(failure));
    }

    static Stream<Case> causes() {
        return Stream.of(
                c(
                        "unreachable",
                        failed(new ProbeFailure.Unreachable("no such host origin.test")),
                        Cause.UNREACHABLE,
                        523,
                        0,
                        "127.0.0.1:8443 unreachable: no such host origin.test"),
                c(
                        "connection_refused",
                        failed(new ProbeFailure.Refused("Connection refused")),
                        Cause.CONNECTION_REFUSED,
                        521,
                        0,
                        "connection refused by 127.0.0.1:8443: Connection refused"),
                c(
                        "connect_timeout",
                        failed(new ProbeFailure.ConnectTimeout(19_000)),
                        Cause.CONNECT_TIMEOUT,
                        522,
                        0,
                        "TCP handshake with 127.0.0.1:8443 not complete within 19 s"),
                c(
                        "connect_timeout in ms",
                        failed(new ProbeFailure.ConnectTimeout(1_500)),
                        Cause.CONNECT_TIMEOUT,
                        522,
                        0,
                        "TCP handshake with 127.0.0.1:8443 not complete within 1500 ms"),
                c(
                        "tls_handshake_failed",
                        failed(new ProbeFailure.TlsHandshake("Received fatal alert: protocol_version")),
                        Cause.TLS_HANDSHAKE_FAILED,
                        525,
                        0,
                        "TLS handshake failed: Received fatal alert: protocol_version"),
                c(
                        "client_certificate_rejected: TLS 1.3, none configured (520)",
                        failed(new ProbeFailure.ClientCertificateRejected("certificate_required", 116, false))
                                .clientAuth(
                                        "TLSv1.3", new TlsFacts.ClientAuth(true, List.of(AOP_CA), false, null, null)),
                        Cause.CLIENT_CERTIFICATE_REJECTED,
                        520,
                        0,
                        "origin refused the client certificate with TLS alert certificate_required (116) after the"
                                + " TLS 1.3 handshake (edge: 520); no client certificate is configured"
                                + " (tls-client-certificate); the origin accepts CAs [" + AOP_CA + "]"),
                c(
                        "client_certificate_rejected: TLS 1.2 handshake, wrong CA (525)",
                        failed(new ProbeFailure.ClientCertificateRejected("unknown_ca", 48, true))
                                .clientAuth(
                                        null,
                                        new TlsFacts.ClientAuth(
                                                true, List.of(), true, "CN=edge", NOW.plus(Duration.ofDays(60)))),
                        Cause.CLIENT_CERTIFICATE_REJECTED,
                        525,
                        0,
                        "origin refused the client certificate with TLS alert unknown_ca (48) during the TLS handshake"
                                + " (TLS 1.2 checks the client certificate inside it; edge: 525); sent CN=edge"),
                c(
                        "tls_certificate_invalid: expired",
                        failed(new ProbeFailure.TlsCertificate("certificate expired on 2026-01-02")),
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        0,
                        "certificate expired on 2026-01-02"),
                c(
                        "tls_certificate_invalid: name mismatch",
                        failed(new ProbeFailure.TlsCertificate(MISMATCH)),
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        0,
                        MISMATCH),
                c(
                        "tls_certificate_invalid: no reason given",
                        failed(new ProbeFailure.TlsCertificate(" ")),
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        0,
                        "certificate failed validation"),
                c(
                        "connection_reset before any byte",
                        failed(new ProbeFailure.Reset(0, true)),
                        Cause.CONNECTION_RESET,
                        520,
                        0,
                        "connection reset by peer after 0 response bytes; request was sent"),
                c(
                        "connection_reset mid-head, request not sent",
                        failed(new ProbeFailure.Reset(17, false)),
                        Cause.CONNECTION_RESET,
                        520,
                        0,
                        "connection reset by peer after 17 response bytes; request was not sent"),
                c(
                        "empty_response",
                        parseFailed(new ParseFailure.EmptyResponse(), 0),
                        Cause.EMPTY_RESPONSE,
                        520,
                        0,
                        "connection closed before any response byte"),
                c(
                        "headers_too_large from the parser",
                        parseFailed(new ParseFailure.HeadersTooLarge(8192, 8193), 8193),
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        0,
                        "header section exceeds limit 8192 bytes (stopped reading after 8193 bytes)"),
                c(
                        "missing_headers",
                        parseFailed(new ParseFailure.MissingHeaders("HTTP/1.1 200 OK", false), 19),
                        Cause.MISSING_HEADERS,
                        520,
                        0,
                        "status line \"HTTP/1.1 200 OK\" followed by empty line with no header fields"),
                c(
                        "invalid_response: status line",
                        parseFailed(new ParseFailure.MalformedStatusLine("HTTP/2"), 6),
                        Cause.INVALID_RESPONSE,
                        520,
                        0,
                        "malformed status line \"HTTP/2\" (expected HTTP/1.x SP 3DIGIT [SP reason])"),
                c(
                        "invalid_response: status out of range",
                        parseFailed(new ParseFailure.StatusOutOfRange(600), 13),
                        Cause.INVALID_RESPONSE,
                        520,
                        0,
                        "status 600 outside 100-599"),
                c(
                        "invalid_response: header line",
                        parseFailed(new ParseFailure.MalformedHeader(2, " ", "obs-fold"), 30),
                        Cause.INVALID_RESPONSE,
                        520,
                        0,
                        "malformed header line 2 (obs-fold): \" \""),
                c(
                        "invalid_response: premature end",
                        parseFailed(new ParseFailure.PrematureEnd(28, 1), 28),
                        Cause.INVALID_RESPONSE,
                        520,
                        0,
                        "stream ended inside the header section after 28 bytes and 1 header lines"),
                c(
                        "h2_spoke_http1",
                        h2(new H2Failure.SpokeHttp1("HTTP/1.1 400 Bad Request")),
                        Cause.H2_SPOKE_HTTP1,
                        520,
                        0,
                        "ALPN selected h2 but the origin answered in HTTP/1.x: \"HTTP/1.1 400 Bad Request\""),
                c(
                        "h2_spoke_http1: http-version 2 and h2 not selected",
                        h2(new H2Failure.NotSelected(null)),
                        Cause.H2_SPOKE_HTTP1,
                        520,
                        0,
                        "http-version \"2\" offered only h2 in ALPN and the origin selected no protocol: it does not"
                                + " speak HTTP/2 on this port"),
                c(
                        "h2_goaway",
                        h2(new H2Failure.GoAway(ErrorCode.PROTOCOL_ERROR, 1, "")),
                        Cause.H2_GOAWAY,
                        520,
                        0,
                        "origin sent GOAWAY PROTOCOL_ERROR; stream 1 was accepted"),
                c(
                        "h2_stream_reset",
                        h2(new H2Failure.StreamReset(ErrorCode.HTTP_1_1_REQUIRED)),
                        Cause.H2_STREAM_RESET,
                        520,
                        0,
                        "origin reset stream 1 with HTTP_1_1_REQUIRED before the response head"),
                c(
                        "h2_protocol_error",
                        h2(new H2Failure.ProtocolError(ErrorCode.PROTOCOL_ERROR, "the server's first frame is PING")),
                        Cause.H2_PROTOCOL_ERROR,
                        520,
                        0,
                        "HTTP/2 PROTOCOL_ERROR: the server's first frame is PING"),
                c(
                        "h2_protocol_error: ended inside a frame",
                        h2(new H2Failure.ClosedInsideFrame(5, "a frame header")),
                        Cause.H2_PROTOCOL_ERROR,
                        520,
                        0,
                        "connection ended inside a frame header after 5 bytes"),
                c(
                        "h2_malformed_response",
                        h2(new H2Failure.MalformedResponse("no :status")),
                        Cause.H2_MALFORMED_RESPONSE,
                        520,
                        0,
                        "malformed HTTP/2 response head: no :status"),
                c(
                        "empty_response over h2",
                        h2(new H2Failure.ClosedBeforeResponse(9)),
                        Cause.EMPTY_RESPONSE,
                        520,
                        0,
                        "connection closed after 9 bytes of connection frames, before any response on stream 1"),
                c(
                        "missing_headers over h2",
                        h2(new H2Failure.NoHeaderFields(200)),
                        Cause.MISSING_HEADERS,
                        520,
                        0,
                        "HTTP/2 head \":status 200\" with no header fields"),
                c(
                        "headers_too_large over h2",
                        h2(new H2Failure.HeadersTooLarge(8192, 9028)),
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        0,
                        "header section exceeds limit 8192 bytes measured as HTTP/1.1 (stopped counting at 9028 bytes)"),
                c(
                        "headers_too_large over h2: compressed block",
                        h2(new H2Failure.HeaderBlockTooLarge(32768, 49152)),
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        0,
                        "compressed header block exceeds 32768 bytes (read 49152 bytes before stopping)"),
                c(
                        "response_timeout",
                        failed(new ProbeFailure.ResponseTimeout(125_000, 0)),
                        Cause.RESPONSE_TIMEOUT,
                        524,
                        0,
                        "no complete header section within 125 s (0 response bytes received)"),
                c(
                        "unexpected_status",
                        status(503, "Service Unavailable"),
                        Cause.UNEXPECTED_STATUS,
                        503,
                        503,
                        "status 503 Service Unavailable not in expected 200-399"),
                c("ok", ok(), Cause.OK, 200, 200, "status 200 OK in expected 200-399"),
                c(
                        "probe_error: local failure",
                        failed(new ProbeFailure.Internal("trust-ca /etc/ca.pem unreadable")),
                        Cause.PROBE_ERROR,
                        0,
                        0,
                        "probe failed locally, origin not judged: trust-ca /etc/ca.pem unreadable"),
                c(
                        "probe_error: neither head nor failure",
                        ProbeBuilder.probe(),
                        Cause.PROBE_ERROR,
                        0,
                        0,
                        "probe result has neither a response head nor a failure"));
    }

    static Stream<Case> ruleOrderAndExpectStatus() {
        return Stream.of(
                c(
                        "rule order: certificate failure with tls-verify on beats a 200",
                        ok().certificate(NOW.plus(Duration.ofDays(60)), MISMATCH),
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        200,
                        MISMATCH),
                c(
                        "rule order: a head over this origin's limit beats its status",
                        ok().headerBytes(9214),
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        200,
                        "header section 9214 bytes exceeds limit 8192"),
                c(
                        "rule order: parse failure plus invalid certificate with tls-verify off",
                        parseFailed(new ParseFailure.MalformedStatusLine("<"), 1)
                                .tlsVerifyOff()
                                .certificate(NOW.minus(Duration.ofDays(1)), "certificate expired on 2026-11-22"),
                        Cause.INVALID_RESPONSE,
                        520,
                        0,
                        null,
                        CERTIFICATE_INVALID),
                c(
                        "rule order: missing headers plus expiring certificate",
                        parseFailed(new ParseFailure.MissingHeaders("HTTP/1.1 200 OK", true), 17)
                                .certificate(NOW.plus(Duration.ofDays(3)), null),
                        Cause.MISSING_HEADERS,
                        520,
                        0,
                        null,
                        CERTIFICATE_EXPIRING),
                c("expect 200-399: 399 is ok", status(399, ""), Cause.OK, 399, 399, "status 399 in expected 200-399"),
                c(
                        "expect 200-399: 400 is unexpected",
                        status(400, "Bad Request"),
                        Cause.UNEXPECTED_STATUS,
                        400,
                        400,
                        null),
                c("expect 200-399: 199 is unexpected", status(199, "Odd"), Cause.UNEXPECTED_STATUS, 199, 199, null),
                c(
                        "expect 200-399: 101 is unexpected",
                        status(101, "Switching Protocols"),
                        Cause.UNEXPECTED_STATUS,
                        101,
                        101,
                        null),
                c(
                        "expect 200,301-302: 301 is ok",
                        status(301, "Moved").expect("200,301-302"),
                        Cause.OK,
                        301,
                        301,
                        "status 301 Moved in expected 200,301-302"),
                c(
                        "expect 200,301-302: 300 is unexpected",
                        status(300, "Multiple").expect("200,301-302"),
                        Cause.UNEXPECTED_STATUS,
                        300,
                        300,
                        "status 300 Multiple not in expected 200,301-302"),
                c(
                        "expect 500-599: a 503 maintenance page is ok",
                        status(503, "Maintenance").expect("500-599"),
                        Cause.OK,
                        503,
                        503,
                        null),
                c("expect 404 only: 200 is unexpected", ok().expect("404"), Cause.UNEXPECTED_STATUS, 200, 200, null));
    }

    private static final String AOP_CA = "CN=origin-pull CA,O=edge";

    /** A configured client certificate expiring at {@code notAfter}, requested (and sent) or not. */
    private static TlsFacts.ClientAuth configured(boolean requested, java.time.Instant notAfter) {
        return new TlsFacts.ClientAuth(requested, List.of(), requested, "CN=edge", notAfter);
    }

    static Stream<Case> warnings() {
        return Stream.of(
                c(
                        "headers_near_limit: exactly 75% (6144 of 8192)",
                        ok().headerBytes(6144), Cause.OK, 200, 200, null, HEADERS_NEAR_LIMIT),
                c(
                        "headers_near_limit: one byte under 75% does not warn",
                        ok().headerBytes(6143), Cause.OK, 200, 200, null),
                c(
                        "headers_near_limit: exactly the limit warns",
                        ok().headerBytes(8192),
                        Cause.OK,
                        200,
                        200,
                        null,
                        HEADERS_NEAR_LIMIT),
                c(
                        "headers_near_limit: over the limit is the cause, not a warning",
                        parseFailed(new ParseFailure.HeadersTooLarge(8192, 8193), 8193),
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        0,
                        null),
                c(
                        "headers_near_limit: odd limit rounds the threshold up (75 of 100)",
                        ok().limit(100).headerBytes(75),
                        Cause.OK,
                        200,
                        200,
                        null,
                        HEADERS_NEAR_LIMIT),
                c(
                        "headers_near_limit: beside an invalid response",
                        parseFailed(new ParseFailure.MalformedHeader(90, "X", "no colon"), 7000),
                        Cause.INVALID_RESPONSE,
                        520,
                        0,
                        null,
                        HEADERS_NEAR_LIMIT),
                c("slow_response: ttfb exactly 50%", ok().ttfb(HALF_TIMEOUT), Cause.OK, 200, 200, null, SLOW_RESPONSE),
                c(
                        "slow_response: 1 ms under 50% does not warn",
                        ok().ttfb(HALF_TIMEOUT.minusMillis(1)), Cause.OK, 200, 200, null),
                c(
                        "slow_response: short timeout, ttfb exactly half",
                        ok().responseTimeout(Duration.ofSeconds(3)).ttfb(Duration.ofMillis(1500)),
                        Cause.OK,
                        200,
                        200,
                        null,
                        SLOW_RESPONSE),
                c(
                        "slow_response: no first byte, no warning",
                        failed(new ProbeFailure.ResponseTimeout(125_000, 0)),
                        Cause.RESPONSE_TIMEOUT,
                        524,
                        0,
                        null),
                c(
                        "certificate_expiring: exactly 14 days",
                        ok().certificate(NOW.plus(DAYS_14), null),
                        Cause.OK,
                        200,
                        200,
                        null,
                        CERTIFICATE_EXPIRING),
                c(
                        "certificate_expiring: 14 days and 1 s does not warn",
                        ok().certificate(NOW.plus(DAYS_14).plusSeconds(1), null),
                        Cause.OK,
                        200,
                        200,
                        null),
                c(
                        "certificate_expiring: an expired leaf is invalid, not expiring",
                        ok().tlsVerifyOff().certificate(NOW.minusSeconds(1), "certificate expired on 2026-11-23"),
                        Cause.OK,
                        200,
                        200,
                        null,
                        CERTIFICATE_INVALID),
                c(
                        "certificate_invalid: tls-verify off only warns",
                        ok().tlsVerifyOff().certificate(NOW.plus(Duration.ofDays(60)), MISMATCH),
                        Cause.OK,
                        200,
                        200,
                        null,
                        CERTIFICATE_INVALID),
                c(
                        "certificate_invalid: valid certificate with tls-verify off does not warn",
                        ok().tlsVerifyOff().certificate(NOW.plus(Duration.ofDays(60)), null),
                        Cause.OK,
                        200,
                        200,
                        null),
                c("body_truncated", ok().bodyEndedEarly(), Cause.OK, 200, 200, null, BODY_TRUNCATED),
                c(
                        "client_certificate_not_requested: configured, the origin never asked",
                        ok().clientAuth("TLSv1.3", configured(false, NOW.plus(Duration.ofDays(60)))),
                        Cause.OK,
                        200,
                        200,
                        null,
                        CLIENT_CERTIFICATE_NOT_REQUESTED),
                c(
                        "client_certificate_not_requested: asked and sent does not warn",
                        ok().clientAuth("TLSv1.3", configured(true, NOW.plus(Duration.ofDays(60)))),
                        Cause.OK,
                        200,
                        200,
                        null),
                c(
                        "client_certificate_not_requested: a handshake that did not complete does not warn",
                        failed(new ProbeFailure.TlsHandshake("origin sent TLS alert protocol_version"))
                                .clientAuth(null, configured(false, NOW.plus(Duration.ofDays(60)))),
                        Cause.TLS_HANDSHAKE_FAILED,
                        525,
                        0,
                        null),
                c(
                        "client_certificate_expiring: exactly 14 days",
                        ok().clientAuth("TLSv1.3", configured(true, NOW.plus(DAYS_14))),
                        Cause.OK,
                        200,
                        200,
                        null,
                        CLIENT_CERTIFICATE_EXPIRING),
                c(
                        "client_certificate_expiring: 14 days and 1 s does not warn",
                        ok().clientAuth(
                                        "TLSv1.3",
                                        configured(true, NOW.plus(DAYS_14).plusSeconds(1))),
                        Cause.OK,
                        200,
                        200,
                        null),
                c(
                        "client_certificate_expiring: an expired one warns too (nothing else reports it)",
                        ok().clientAuth("TLSv1.3", configured(true, NOW.minusSeconds(1))),
                        Cause.OK,
                        200,
                        200,
                        null,
                        CLIENT_CERTIFICATE_EXPIRING),
                c(
                        "every warning at once, in catalogue order",
                        status(503, "Busy")
                                .headerBytes(7000)
                                .ttfb(HALF_TIMEOUT)
                                .tlsVerifyOff()
                                .certificate(NOW.plus(Duration.ofDays(1)), "chain not trusted")
                                .bodyEndedEarly(),
                        Cause.UNEXPECTED_STATUS,
                        503,
                        503,
                        null,
                        HEADERS_NEAR_LIMIT,
                        SLOW_RESPONSE,
                        CERTIFICATE_EXPIRING,
                        CERTIFICATE_INVALID,
                        BODY_TRUNCATED));
    }

    private final Classifier classifier = new Classifier();

    @ParameterizedTest(name = "{0}")
    @MethodSource({"causes", "ruleOrderAndExpectStatus", "warnings"})
    void classifies(Case c) {
        Verdict verdict = classifier.classify(c.probe().result(), NOW);

        assertThat(verdict.cause()).isEqualTo(c.cause());
        assertThat(verdict.edgeStatus()).isEqualTo(c.edgeStatus());
        assertThat(verdict.httpStatus()).isEqualTo(c.httpStatus());
        assertThat(verdict.warnings()).containsExactlyElementsOf(c.warnings());
        assertThat(verdict.up()).isEqualTo(c.cause() == Cause.OK);
        assertThat(verdict.detail()).isNotBlank().doesNotContain("\n");
        if (c.detail() != null) {
            assertThat(verdict.detail()).isEqualTo(c.detail());
        }
    }

    @Test
    void tablesCoverEveryCauseAndEveryWarning() {
        List<Case> all = Stream.of(causes(), ruleOrderAndExpectStatus(), warnings())
                .flatMap(s -> s)
                .toList();
        Set<Cause> causes =
                all.stream().map(Case::cause).collect(Collectors.toCollection(() -> EnumSet.noneOf(Cause.class)));
        Set<Warning> warnings = all.stream()
                .flatMap(c -> c.warnings().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Warning.class)));

        assertThat(causes).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Cause.class));
        assertThat(warnings).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Warning.class));
    }

    @Test
    void rulesAreListedInCatalogueOrder() {
        assertThat(CauseRules.ORDERED.stream().map(CauseRule::cause).toList()).containsExactly(Cause.values());
    }
}
