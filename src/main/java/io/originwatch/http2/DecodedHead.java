package io.originwatch.http2;

import java.util.List;

/**
 * A final response head that passed RFC 9113's checks ({@link ResponseHeads}).
 *
 * @param status     100-599 (never an interim 1xx: those are skipped)
 * @param fields     the regular fields in wire order (no pseudo-fields), names lower-case
 * @param http1Bytes its size measured as an HTTP/1.1 head: {@code HTTP/1.1 ddd CRLF}, one
 *                   {@code name ": " value CRLF} per field, the empty line (so {@code header-limit}
 *                   means the same on both protocols)
 * @param endStream  the HEADERS frame ended the stream (a response without body)
 */
public record DecodedHead(int status, List<Field> fields, int http1Bytes, boolean endStream) {

    /** {@code "HTTP/1.1 " + 3 digits + CRLF}: h2 has no reason phrase, so none is counted. */
    public static final int STATUS_LINE_BYTES = 14;
    /** The empty line that ends an HTTP/1.1 head. */
    public static final int END_BYTES = 2;

    public DecodedHead {
        fields = List.copyOf(fields);
    }
}
