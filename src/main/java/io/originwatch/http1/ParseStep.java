package io.originwatch.http1;

/** What the parser says after each chunk it is fed. */
public sealed interface ParseStep {

    /** The head is not complete yet: feed more bytes or signal end of stream. */
    record NeedMore() implements ParseStep {}

    /**
     * The final head is complete. {@code consumed} is how many bytes of the last chunk belong to the
     * head(s); the rest is body: it starts at {@code off + consumed} of that {@code feed} call.
     */
    record Complete(ResponseHead head, int consumed) implements ParseStep {}

    /** The response is unusable; no further input is read. */
    record Failed(ParseFailure failure) implements ParseStep {}
}
