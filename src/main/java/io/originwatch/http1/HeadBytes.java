package io.originwatch.http1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of the head being parsed, in one array that grows by doubling but never beyond the
 * header limit: the parser fails at byte limit + 1 without storing it. Everything the parser
 * retains lives here, so {@link #capacity()} is its memory bound.
 */
final class HeadBytes {

    private static final int INITIAL_CAPACITY = 256;

    private final int maxBytes;
    private byte[] bytes;
    private int size;

    HeadBytes(int maxBytes) {
        this.maxBytes = maxBytes;
        this.bytes = new byte[Math.min(INITIAL_CAPACITY, maxBytes)];
    }

    void append(byte b) {
        if (size == bytes.length) {
            if (size >= maxBytes) {
                throw new IllegalStateException(
                        "head buffer full at " + size + " bytes; the budget check must come first");
            }
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, size * 2));
        }
        bytes[size++] = b;
    }

    int size() {
        return size;
    }

    int at(int index) {
        return bytes[index] & 0xFF;
    }

    /** Forgets the bytes of an interim head; the next head starts at index 0 with its own budget. */
    void clear() {
        size = 0;
    }

    int capacity() {
        return bytes.length;
    }

    String excerpt(int from, int to) {
        return HttpBytes.excerpt(bytes, from, to);
    }

    String latin1(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** {@link #latin1}, sharing one copy of text other heads repeat (see {@link SharedStrings}). */
    String shared(int from, int to) {
        return SharedStrings.latin1(bytes, from, to);
    }

    /** Status line text without its line ending, escaped for messages. */
    String statusLineExcerpt(int statusLineEnd) {
        return excerpt(0, lineContentEnd(0, statusLineEnd));
    }

    /**
     * Builds the final head. Only called after every byte was validated, so the layout is known:
     * {@code HTTP/1.d SP ddd [SP reason] EOL (name ":" value EOL)* EOL}.
     */
    ResponseHead toHead(int statusLineEnd) {
        int statusEnd = lineContentEnd(0, statusLineEnd);
        String version = shared(0, 8);
        int status = (at(9) - '0') * 100 + (at(10) - '0') * 10 + (at(11) - '0');
        String reason = statusEnd > 13 ? shared(13, statusEnd) : "";
        List<HeaderField> fields = new ArrayList<>();
        int lineStart = statusLineEnd;
        while (at(lineStart) != HttpBytes.CR && at(lineStart) != HttpBytes.LF) {
            int lineEnd = lineStart;
            while (at(lineEnd) != HttpBytes.LF) {
                lineEnd++;
            }
            lineEnd++;
            fields.add(field(lineStart, lineContentEnd(lineStart, lineEnd)));
            lineStart = lineEnd;
        }
        return new ResponseHead(version, status, reason, fields, size);
    }

    private HeaderField field(int from, int to) {
        int colon = from;
        while (at(colon) != ':') {
            colon++;
        }
        int valueFrom = colon + 1;
        int valueTo = to;
        while (valueFrom < valueTo && HttpBytes.isSpaceOrTab(at(valueFrom))) {
            valueFrom++;
        }
        while (valueTo > valueFrom && HttpBytes.isSpaceOrTab(at(valueTo - 1))) {
            valueTo--;
        }
        return new HeaderField(shared(from, colon), shared(valueFrom, valueTo));
    }

    /** End of a line's content: {@code lineEnd} is just past its LF; drops the LF and a CR before it. */
    private int lineContentEnd(int lineStart, int lineEnd) {
        int end = lineEnd;
        if (end > lineStart && at(end - 1) == HttpBytes.LF) {
            end--;
        }
        if (end > lineStart && at(end - 1) == HttpBytes.CR) {
            end--;
        }
        return end;
    }
}
