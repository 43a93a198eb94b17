package io.originwatch.classify;

import static io.originwatch.classify.ClassifierCases.c;
import static io.originwatch.testing.ProbeBuilder.failed;
import static io.originwatch.testing.ProbeBuilder.ok;
import static io.originwatch.testing.ProbeBuilder.parseFailed;
import static io.originwatch.testing.ProbeBuilder.status;

import io.originwatch.classify.ClassifierCases.Case;
import io.originwatch.http1.ParseFailure;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.testing.ProbeBuilder;
import java.util.stream.Stream;

/** Causes decided by the HTTP/1.1 response (or its absence), and the verdicts shared by both protocols. */
final class ResponseCauses {

    private ResponseCauses() {}

    static Stream<Case> cases() {
        return Stream.of(
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
}
