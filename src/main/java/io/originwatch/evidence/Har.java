package io.originwatch.evidence;

import java.util.List;
import java.util.Map;

/**
 * A HAR 1.2 document (http://www.softwareishard.com/blog/har-12-spec/). Record component names are
 * the HAR field names, so a JSON mapper serializes them as they are; a null component is a field
 * HAR allows to omit (the api layer's mapper leaves nulls out). originwatch's own fields start with
 * an underscore, as the spec asks for custom fields.
 */
public record Har(Log log) {

    /** HAR version written. */
    public static final String VERSION = "1.2";

    public record Log(String version, Creator creator, List<Entry> entries, String comment) {}

    public record Creator(String name, String version) {}

    /**
     * One request/response pair, plus originwatch's verdict.
     *
     * @param time            total elapsed milliseconds (sum of the non-negative timings, ssl counted in connect)
     * @param serverIPAddress the connected address, or null when the connect did not succeed
     * @param _probe          {@code direct} or {@code via-edge}
     * @param _cause          the cause label, e.g. {@code connection_reset}
     * @param _edgeStatus     what the edge answers (or would answer) for this result
     * @param _error          why there is no usable response (null on success), as browsers export it
     * @param _tls            handshake facts, or null for plain http or when no handshake started
     */
    public record Entry(
            String startedDateTime,
            double time,
            Request request,
            Response response,
            Map<String, Object> cache,
            Timings timings,
            String serverIPAddress,
            String comment,
            String _origin,
            String _probe,
            String _cause,
            int _edgeStatus,
            List<String> _warnings,
            String _detail,
            String _curl,
            String _error,
            Integer _headerLimit,
            Tls _tls) {}

    public record Request(
            String method,
            String url,
            String httpVersion,
            List<Cookie> cookies,
            List<Header> headers,
            List<QueryParam> queryString,
            long headersSize,
            long bodySize,
            String comment) {}

    public record Response(
            int status,
            String statusText,
            String httpVersion,
            List<Cookie> cookies,
            List<Header> headers,
            Content content,
            String redirectURL,
            long headersSize,
            long bodySize,
            String comment) {}

    /** A header as sent or received; {@code comment} flags a line that is not a valid field. */
    public record Header(String name, String value, String comment) {}

    public record Cookie(String name, String value) {}

    public record QueryParam(String name, String value) {}

    /**
     * @param size     payload bytes received (may exceed the text kept)
     * @param text     the body kept, as text or base64 (see {@code encoding}); null when none was kept
     * @param encoding {@code base64} when the body is not plain text, else null
     */
    public record Content(long size, String mimeType, String text, String encoding, String comment) {}

    /**
     * Milliseconds; -1 for blocked, dns, connect and ssl when the phase did not happen. A class with
     * public final fields, not a record: HAR's field {@code wait} cannot be a record component
     * (it would clash with {@link Object#wait()}), and a field serializes under its own name.
     */
    public static final class Timings {
        public final double blocked;
        public final double dns;
        public final double connect;
        public final double send;
        public final double wait;
        public final double receive;
        public final double ssl;

        public Timings(
                double blocked, double dns, double connect, double send, double wait, double receive, double ssl) {
            this.blocked = blocked;
            this.dns = dns;
            this.connect = connect;
            this.send = send;
            this.wait = wait;
            this.receive = receive;
            this.ssl = ssl;
        }
    }

    /** originwatch's TLS facts (custom field {@code _tls}). */
    public record Tls(
            String protocol,
            String cipherSuite,
            String leafSubject,
            List<String> leafSans,
            String leafIssuer,
            String leafNotBefore,
            String leafNotAfter,
            String validationError) {}
}
