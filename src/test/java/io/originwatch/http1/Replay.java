package io.originwatch.http1;

import java.nio.charset.StandardCharsets;

/**
 * Feeds a response to a fresh parser in fragments of a fixed size and records everything the
 * parser said, in a comparable record: two replays of the same bytes must give equal outcomes
 * whatever the fragment size.
 */
final class Replay {

    /**
     * @param head      the final head, or null
     * @param failure   the failure, or null
     * @param needMore  the parser still wanted bytes when input ran out (and no end of stream was sent)
     * @param bodyStart offset in the whole response where the body starts (-1 unless complete)
     * @param bytesSeen the parser's bytesSeen() at the end
     * @param totalFed  the parser's totalBytesFed() at the end
     * @param maxRetained the largest retainedBytes() observed after any call
     */
    record Outcome(
            ResponseHead head,
            ParseFailure failure,
            boolean needMore,
            long bodyStart,
            int bytesSeen,
            long totalFed,
            int maxRetained) {

        /** The outcome without the memory figure, which legitimately depends on fragment size. */
        Outcome withoutMemory() {
            return new Outcome(head, failure, needMore, bodyStart, bytesSeen, totalFed, 0);
        }
    }

    private Replay() {}

    static byte[] latin1(String wire) {
        return wire.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Outcome run(byte[] wire, int limit, int fragment, boolean endOfStream) {
        ResponseHeadParser parser = new ResponseHeadParser(limit);
        int maxRetained = parser.retainedBytes();
        ParseStep step = new ParseStep.NeedMore();
        int pos = 0;
        while (pos < wire.length && step instanceof ParseStep.NeedMore) {
            int n = Math.min(fragment, wire.length - pos);
            step = parser.feed(wire, pos, n);
            maxRetained = Math.max(maxRetained, parser.retainedBytes());
            if (step instanceof ParseStep.Complete done) {
                return new Outcome(
                        done.head(),
                        null,
                        false,
                        pos + done.consumed(),
                        parser.bytesSeen(),
                        parser.totalBytesFed(),
                        maxRetained);
            }
            pos += n;
        }
        if (step instanceof ParseStep.NeedMore && endOfStream) {
            step = parser.endOfStream();
        }
        ParseFailure failure = step instanceof ParseStep.Failed failed ? failed.failure() : null;
        ResponseHead head = step instanceof ParseStep.Complete done ? done.head() : null;
        return new Outcome(
                head,
                failure,
                step instanceof ParseStep.NeedMore,
                -1,
                parser.bytesSeen(),
                parser.totalBytesFed(),
                maxRetained);
    }

    static Outcome whole(byte[] wire, int limit, boolean endOfStream) {
        return run(wire, limit, Math.max(1, wire.length), endOfStream);
    }
}
