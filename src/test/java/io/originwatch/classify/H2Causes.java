package io.originwatch.classify;

import static io.originwatch.classify.ClassifierCases.c;
import static io.originwatch.classify.ClassifierCases.h2;

import io.originwatch.classify.ClassifierCases.Case;
import io.originwatch.http2.ErrorCode;
import io.originwatch.http2.H2Failure;
import java.util.stream.Stream;

/** The HTTP/2 causes, and the existing causes as they arise over h2. */
final class H2Causes {

    private H2Causes() {}

    static Stream<Case> cases() {
        return Stream.of(
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
                        "compressed header block exceeds 32768 bytes (read 49152 bytes before stopping)"));
    }
}
