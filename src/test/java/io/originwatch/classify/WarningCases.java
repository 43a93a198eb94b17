package io.originwatch.classify;

import static io.originwatch.classify.ClassifierCases.DAYS_14;
import static io.originwatch.classify.ClassifierCases.HALF_TIMEOUT;
import static io.originwatch.classify.ClassifierCases.MISMATCH;
import static io.originwatch.classify.ClassifierCases.c;
import static io.originwatch.classify.ClassifierCases.configured;
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

import io.originwatch.classify.ClassifierCases.Case;
import io.originwatch.http1.ParseFailure;
import io.originwatch.probe.ProbeFailure;
import java.time.Duration;
import java.util.stream.Stream;

/** Every warning: its thresholds on both sides, and warnings beside a cause. */
final class WarningCases {

    private WarningCases() {}

    static Stream<Case> cases() {
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
}
