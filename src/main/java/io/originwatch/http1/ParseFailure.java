package io.originwatch.http1;

/**
 * Why a response head could not be parsed. Each variant is decided at the byte where it happens,
 * so "headers too large", "empty reply" and "invalid response" never share a type.
 */
public sealed interface ParseFailure extends java.io.Serializable {

    /** One line for logs and the probe's detail, carrying the evidence (limits, escaped excerpts). */
    String describe();

    /** The stream ended before a single response byte arrived. */
    record EmptyResponse() implements ParseFailure {
        @Override
        public String describe() {
            return "connection closed before any response byte";
        }
    }

    /**
     * The header section passed {@code limitBytes}; reading stopped at {@code bytesSeen}, which is
     * {@code limitBytes + 1} when the parser decided it (it stops at the first byte over the limit).
     */
    record HeadersTooLarge(int limitBytes, int bytesSeen) implements ParseFailure {
        @Override
        public String describe() {
            return "header section exceeds " + limitBytes + " bytes (read " + bytesSeen + " bytes before stopping)";
        }
    }

    /**
     * A valid final status line followed directly by the empty line or by the end of the stream;
     * {@code statusLine} is escaped and has no line ending.
     */
    record MissingHeaders(String statusLine, boolean endOfStream) implements ParseFailure {
        @Override
        public String describe() {
            return "status line \"" + statusLine + "\" followed by " + (endOfStream ? "end of stream" : "empty line")
                    + " with no header fields";
        }
    }

    /**
     * The first line is not {@code HTTP/1.x SP 3DIGIT [SP reason]}. {@code excerpt} is escaped and
     * ends with the offending byte (it is decided there, before the rest of the line arrives).
     */
    record MalformedStatusLine(String excerpt) implements ParseFailure {
        @Override
        public String describe() {
            return "malformed status line \"" + excerpt + "\" (expected HTTP/1.x SP 3DIGIT [SP reason])";
        }
    }

    /** A well-formed status line whose code is outside 100-599. */
    record StatusOutOfRange(int status) implements ParseFailure {
        @Override
        public String describe() {
            return "status " + status + " outside 100-599";
        }
    }

    /**
     * Header line {@code lineNumber} (1 = first field line) is malformed; {@code excerpt} is escaped,
     * bounded, and runs from the start of that line through the offending byte.
     */
    record MalformedHeader(int lineNumber, String excerpt, String reason) implements ParseFailure {
        @Override
        public String describe() {
            return "malformed header line " + lineNumber + " (" + reason + "): \"" + excerpt + "\"";
        }
    }

    /** The stream ended inside the header section after {@code bytesSeen} bytes. */
    record PrematureEnd(int bytesSeen, int headerLinesSeen) implements ParseFailure {
        @Override
        public String describe() {
            return "stream ended inside the header section after " + bytesSeen + " bytes and " + headerLinesSeen
                    + " header lines";
        }
    }
}
