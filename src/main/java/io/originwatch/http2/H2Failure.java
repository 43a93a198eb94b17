package io.originwatch.http2;

/**
 * Why an HTTP/2 exchange gave no usable response head. Each variant is decided where it happens
 * (a frame header, a SETTINGS entry, a decoded field), so a reset stream, a GOAWAY, a broken frame
 * and a malformed head never share a type. The classifier maps each to one cause.
 */
public sealed interface H2Failure extends java.io.Serializable {

    /** One line for logs and the probe's detail, carrying the evidence (codes, limits, excerpts). */
    String describe();

    /** ALPN selected h2, and the server answered with HTTP/1.x bytes ({@code excerpt}: its first line). */
    record SpokeHttp1(String excerpt) implements H2Failure {
        @Override
        public String describe() {
            return "ALPN selected h2 but the origin answered in HTTP/1.x: \"" + excerpt + "\"";
        }
    }

    /**
     * {@code http-version: "2"} offered only h2 in ALPN and the origin did not select it
     * ({@code selected}: what it selected, or null for nothing).
     */
    record NotSelected(String selected) implements H2Failure {
        @Override
        public String describe() {
            return "http-version \"2\" offered only h2 in ALPN and the origin selected "
                    + (selected == null ? "no protocol" : selected)
                    + ": it does not speak HTTP/2 on this port";
        }
    }

    /**
     * GOAWAY before the head: with an error code, or with {@code lastStreamId} 0 (our stream 1 was
     * not processed). {@code debug} is the debug data, escaped and cut.
     */
    record GoAway(long errorCode, int lastStreamId, String debug) implements H2Failure {
        @Override
        public String describe() {
            String processed = lastStreamId >= ClientSession.STREAM_ID
                    ? "stream 1 was accepted"
                    : "stream 1 was not processed (last stream " + lastStreamId + ")";
            return "origin sent GOAWAY " + ErrorCode.name(errorCode) + "; " + processed
                    + (debug.isEmpty() ? "" : "; debug \"" + debug + "\"");
        }
    }

    /** RST_STREAM on stream 1 (before the head, when it is a probe's failure), e.g. HTTP_1_1_REQUIRED or REFUSED_STREAM. */
    record StreamReset(long errorCode) implements H2Failure {
        @Override
        public String describe() {
            return "origin reset stream 1 with " + ErrorCode.name(errorCode);
        }
    }

    /**
     * A frame, SETTINGS, flow-control or HPACK violation, or a flood guard tripped. {@code errorCode}
     * is the RFC 9113 code it amounts to; {@code reason} names the frame and what was wrong.
     */
    record ProtocolError(long errorCode, String reason) implements H2Failure {
        @Override
        public String describe() {
            return "HTTP/2 " + ErrorCode.name(errorCode) + ": " + reason;
        }
    }

    /** A decoded head that is not a valid RFC 9113 response (section 8.3.2 and 8.2). */
    record MalformedResponse(String reason) implements H2Failure {
        @Override
        public String describe() {
            return "malformed HTTP/2 response head: " + reason;
        }
    }

    /**
     * The head measured as HTTP/1.1 bytes passed {@code limitBytes}; counting stopped at the first
     * field over it, after {@code bytesSeen} bytes.
     */
    record HeadersTooLarge(int limitBytes, int bytesSeen) implements H2Failure {
        @Override
        public String describe() {
            return "header section exceeds " + limitBytes + " bytes measured as HTTP/1.1 (read " + bytesSeen
                    + " bytes before stopping)";
        }
    }

    /** The compressed header block (HEADERS plus CONTINUATION) passed {@code maxBytes}. */
    record HeaderBlockTooLarge(int maxBytes, int bytesSeen) implements H2Failure {
        @Override
        public String describe() {
            return "compressed header block exceeds " + maxBytes + " bytes (read " + bytesSeen
                    + " bytes before stopping)";
        }
    }

    /** A final head with {@code :status} and no other field. */
    record NoHeaderFields(int status) implements H2Failure {
        @Override
        public String describe() {
            return "HTTP/2 head \":status " + status + "\" with no header fields";
        }
    }

    /**
     * The connection ended cleanly before any response frame on stream 1: after {@code bytesSeen}
     * bytes of connection frames (0 = nothing at all).
     */
    record ClosedBeforeResponse(long bytesSeen) implements H2Failure {
        @Override
        public String describe() {
            return bytesSeen == 0
                    ? "connection closed before any response byte"
                    : "connection closed after " + bytesSeen + " bytes of connection frames, before any response on"
                            + " stream 1";
        }
    }

    /** The connection ended inside a frame or a header block, after {@code bytesSeen} bytes. */
    record ClosedInsideFrame(long bytesSeen, String where) implements H2Failure {
        @Override
        public String describe() {
            return "connection ended inside " + where + " after " + bytesSeen + " bytes";
        }
    }
}
