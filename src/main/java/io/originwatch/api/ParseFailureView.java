package io.originwatch.api;

import io.originwatch.http1.ParseFailure;
import io.originwatch.http1.ParseStep;
import io.originwatch.http1.ResponseHeadParser;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import java.util.Locale;

/**
 * Why the response head was refused and at which byte: the kept head bytes are fed again, one at a
 * time, to the same parser with the origin's header limit, so the offset is the parser's own
 * decision, not a guess from the message.
 *
 * @param kind   e.g. {@code headers_too_large}, {@code malformed_header}
 * @param reason the parser's message
 * @param offset index of the byte at which the parser failed (the head's length when it failed at
 *               the end of the stream), or null when the kept bytes do not reach it
 * @param line   0-based line of the head holding that byte (0 = status line), or null
 */
public record ParseFailureView(String kind, String reason, Integer offset, Integer line) {

    static ParseFailureView of(ProbeResult r) {
        if (!(r.failure() instanceof ProbeFailure.Parse p)) {
            return null;
        }
        byte[] head = r.evidence() == null ? new byte[0] : r.evidence().responseHead();
        Integer offset = failingByte(head, r.spec().headerLimitBytes());
        return new ParseFailureView(kind(p.failure()), p.failure().describe(), offset, line(head, offset));
    }

    private static Integer failingByte(byte[] head, int limit) {
        ResponseHeadParser parser = new ResponseHeadParser(limit);
        for (int i = 0; i < head.length; i++) {
            ParseStep step = parser.feed(head, i, 1);
            if (step instanceof ParseStep.Failed) {
                return i;
            }
            if (step instanceof ParseStep.Complete) {
                return null;
            }
        }
        return parser.endOfStream() instanceof ParseStep.Failed ? head.length : null;
    }

    private static Integer line(byte[] head, Integer offset) {
        if (offset == null) {
            return null;
        }
        int line = 0;
        for (int i = 0; i < Math.min(offset, head.length); i++) {
            if (head[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String kind(ParseFailure f) {
        return f.getClass()
                .getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }
}
