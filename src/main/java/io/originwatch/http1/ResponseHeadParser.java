package io.originwatch.http1;

/**
 * Push parser for one HTTP/1.x response head. Feed it bytes as they arrive; it answers
 * {@link ParseStep.NeedMore}, {@link ParseStep.Complete} or {@link ParseStep.Failed}. Interim 1xx
 * heads are consumed and skipped. One byte budget ({@code headerLimitBytes}) covers the status
 * line and every header line of a head, through the empty line that ends it.
 *
 * <p>STUB: the contract is fixed; the implementation is issue #2's.
 */
public final class ResponseHeadParser {

    private final int headerLimitBytes;

    public ResponseHeadParser(int headerLimitBytes) {
        if (headerLimitBytes < 16) {
            throw new IllegalArgumentException("headerLimitBytes must be at least 16, got " + headerLimitBytes);
        }
        this.headerLimitBytes = headerLimitBytes;
    }

    public int headerLimitBytes() {
        return headerLimitBytes;
    }

    /** Feeds the next chunk. After a Complete or Failed step the parser accepts no more input. */
    public ParseStep feed(byte[] buf, int off, int len) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Signals end of stream (orderly close by the peer). */
    public ParseStep endOfStream() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Bytes of the current head counted against the budget so far. */
    public int bytesSeen() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Total response bytes fed so far, interim heads included. */
    public long totalBytesFed() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
