package io.originwatch.edge.ranges;

/** What one conditional GET of a range list produced. */
public sealed interface FetchResult {

    /** 200 with a body; {@code etag} is the response's ETag header, if any. */
    record Body(String body, String etag) implements FetchResult {}

    /** 304: the list has not changed since the ETag we sent. */
    record NotModified() implements FetchResult {}

    /** No usable answer: connection error, timeout, non-200 status, oversize body. */
    record Failed(String reason) implements FetchResult {}
}
