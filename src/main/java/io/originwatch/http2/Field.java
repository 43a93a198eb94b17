package io.originwatch.http2;

/** One decoded field line: the name as received (pseudo-fields start with ':'), the value as is. */
public record Field(String name, String value) {

    /** Its size measured as an HTTP/1.1 field line: {@code name ": " value CRLF}. */
    public int http1Bytes() {
        return name.length() + 2 + value.length() + 2;
    }
}
