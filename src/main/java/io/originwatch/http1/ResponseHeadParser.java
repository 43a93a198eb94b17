package io.originwatch.http1;

import java.util.Objects;

/**
 * Push parser for one HTTP/1.x response head. Feed it bytes as they arrive; it answers
 * {@link ParseStep.NeedMore}, {@link ParseStep.Complete} or {@link ParseStep.Failed}. One byte budget
 * ({@code headerLimitBytes}) covers the status line and every header line of a head, through the
 * empty line that ends it.
 *
 * <p>Lifecycle (states in {@link ParserState}, every move checked by {@link ParserState#canGoTo}):
 * <ol>
 * <li>STATUS_LINE: each byte is checked against {@code HTTP/1.d SP ddd [SP reason]} as it arrives,
 *     so garbage fails at its first byte. The byte after the code decides the range 100-599.</li>
 * <li>STATUS_LINE_CR: after a CR only LF may follow. The LF moves to LINE_START.</li>
 * <li>LINE_START: a token byte starts a field (FIELD_NAME); CR (END_CR) or LF ends the head.</li>
 * <li>FIELD_NAME until the colon, then FIELD_VALUE until CR (FIELD_CR) or LF, back to LINE_START.</li>
 * <li>End of head: an interim 1xx head (not 101) is forgotten and parsing restarts at STATUS_LINE
 *     with a fresh budget; a final head with no field lines fails as missing headers; otherwise
 *     COMPLETE, and {@code consumed} tells where the body starts in the last chunk.</li>
 * <li>Any byte that breaks the grammar or passes the budget moves to FAILED at that byte. COMPLETE
 *     and FAILED are terminal: later calls return the same outcome and read nothing.</li>
 * </ol>
 *
 * <p>The budget is checked before anything else: byte {@code limit + 1} of a head fails with
 * {@link ParseFailure.HeadersTooLarge} whatever it is, so a head of exactly {@code limit} bytes passes
 * and the parser never stores more than {@code limit} bytes ({@link #retainedBytes()}).
 *
 * <p>Edge cases, decided here (tests in {@code ResponseHeadParserTest} pin each one):
 * <ul>
 * <li>LF-only line endings are accepted anywhere CRLF is (RFC 9112 section 2.2 allows it; curl and
 *     nginx accept them), and may be mixed with CRLF.</li>
 * <li>Bare CR (CR not followed by LF) is rejected: RFC 9112 lets a recipient reject it, and
 *     accepting it invites request/response smuggling disagreements between hops.</li>
 * <li>obs-fold (a field line starting with SP or HTAB) is REJECTED as a malformed header. RFC 9112
 *     section 5.2 lets a gateway answer such a response with 502 instead of unfolding it, proxies
 *     differ, and a monitor must flag a response some edge may refuse rather than miss it.</li>
 * <li>NUL and other control bytes (except HTAB) are rejected in the status line, names and values.
 *     obs-text (0x80-0xFF) is accepted in reason phrases and values and decoded as ISO-8859-1.</li>
 * <li>HTTP/1.0 (and any HTTP/1.d, treated per RFC 9110 as the highest 1.x minor) is accepted;
 *     {@code HTTP/2}, {@code HTTP/1.1} with two spaces, lower-case {@code http/} are malformed.</li>
 * <li>A missing reason phrase is accepted with or without the space after the code.</li>
 * <li>Leading empty lines before the status line are rejected: the first byte must be {@code H}.
 *     RFC 9112 section 2.2 lets a server skip empty lines before a request line; nothing lets a
 *     client do so before a status line.</li>
 * <li>A final head with no field lines (e.g. {@code HTTP/1.1 204}) is missing headers; an interim
 *     head with none is normal. There is no cap on the number of interim heads: memory stays bounded
 *     (each restarts the buffer) and the prober's response timeout bounds the time.</li>
 * </ul>
 */
public final class ResponseHeadParser {

    /** Smallest accepted limit; below it not even a status line fits, so it is surely a config error. */
    public static final int MIN_HEADER_LIMIT_BYTES = 16;

    private static final ParseStep NEED_MORE = new ParseStep.NeedMore();

    private final int headerLimitBytes;
    private final RedactionRule redaction;
    private final HeadBytes head;
    private ParserState state = ParserState.STATUS_LINE;
    private ParseStep outcome;
    private int bytesSeen;
    private long totalBytesFed;
    private int statusLineEnd;
    private int status;
    private int lineStart;
    private int fieldLines;
    private int interimHeadsSkipped;

    public ResponseHeadParser(int headerLimitBytes) {
        this(headerLimitBytes, RedactionRule.DEFAULT);
    }

    /** @param redaction which header values never appear in a failure's excerpt */
    public ResponseHeadParser(int headerLimitBytes, RedactionRule redaction) {
        this.redaction = Objects.requireNonNull(redaction, "redaction");
        if (headerLimitBytes < MIN_HEADER_LIMIT_BYTES) {
            throw new IllegalArgumentException(
                    "headerLimitBytes must be at least " + MIN_HEADER_LIMIT_BYTES + ", got " + headerLimitBytes);
        }
        this.headerLimitBytes = headerLimitBytes;
        this.head = new HeadBytes(headerLimitBytes);
    }

    public int headerLimitBytes() {
        return headerLimitBytes;
    }

    /**
     * Feeds the next chunk. After a Complete or Failed step the parser accepts no more input: it
     * returns the same failure, or the same head with {@code consumed} 0 (none of this chunk is head).
     */
    public ParseStep feed(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (outcome != null) {
            return afterEnd();
        }
        for (int i = 0; i < len; i++) {
            totalBytesFed++;
            if (++bytesSeen > headerLimitBytes) {
                return fail(new ParseFailure.HeadersTooLarge(headerLimitBytes, bytesSeen));
            }
            byte b = buf[off + i];
            head.append(b);
            ParseFailure failure = accept(b & 0xFF);
            if (failure != null) {
                return fail(failure);
            }
            if (state == ParserState.COMPLETE) {
                outcome = new ParseStep.Complete(head.toHead(statusLineEnd), i + 1);
                return outcome;
            }
        }
        return NEED_MORE;
    }

    /** Signals end of stream (orderly close by the peer). */
    public ParseStep endOfStream() {
        if (outcome != null) {
            return afterEnd();
        }
        if (totalBytesFed == 0) {
            return fail(new ParseFailure.EmptyResponse());
        }
        boolean afterStatusLine = state == ParserState.LINE_START || state == ParserState.END_CR;
        if (afterStatusLine && fieldLines == 0 && !interim(status)) {
            return fail(new ParseFailure.MissingHeaders(head.statusLineExcerpt(statusLineEnd), true));
        }
        return fail(new ParseFailure.PrematureEnd(bytesSeen, fieldLines));
    }

    /** Bytes of the current head counted against the budget so far. */
    public int bytesSeen() {
        return bytesSeen;
    }

    /**
     * Response bytes the parser has examined: every byte of every head, interim heads included,
     * through the byte that completed or failed the head. Body bytes after the head are not counted,
     * so the figure does not depend on how the response was split into chunks.
     */
    public long totalBytesFed() {
        return totalBytesFed;
    }

    /** Interim (1xx other than 101) heads skipped so far. */
    public int interimHeadsSkipped() {
        return interimHeadsSkipped;
    }

    /** Bytes this parser holds on to; never more than {@code headerLimitBytes}. */
    public int retainedBytes() {
        return head.capacity();
    }

    private ParseStep afterEnd() {
        if (outcome instanceof ParseStep.Complete done) {
            return new ParseStep.Complete(done.head(), 0);
        }
        return outcome;
    }

    private ParseStep fail(ParseFailure failure) {
        go(ParserState.FAILED);
        outcome = new ParseStep.Failed(failure);
        return outcome;
    }

    private void go(ParserState next) {
        if (!state.canGoTo(next)) {
            throw new IllegalStateException("parser bug: " + state + " -> " + next);
        }
        state = next;
    }

    /** Consumes one byte (already stored and counted); returns the failure it causes, if any. */
    private ParseFailure accept(int b) {
        return switch (state) {
            case STATUS_LINE -> statusLineByte(b, bytesSeen - 1);
            case STATUS_LINE_CR -> b == HttpBytes.LF ? endStatusLine() : malformedStatusLine();
            case LINE_START -> lineStartByte(b);
            case FIELD_NAME -> fieldNameByte(b);
            case FIELD_VALUE -> fieldValueByte(b);
            case FIELD_CR -> b == HttpBytes.LF ? endFieldLine() : malformedHeader("bare CR not followed by LF");
            case END_CR -> b == HttpBytes.LF ? endHead() : malformedHeader("bare CR not followed by LF");
            case COMPLETE, FAILED -> throw new IllegalStateException("parser bug: byte accepted in " + state);
        };
    }

    private ParseFailure statusLineByte(int b, int pos) {
        if (pos < 12) {
            return HttpBytes.fitsStatusLinePrefix(b, pos) ? null : malformedStatusLine();
        }
        if (pos == 12) {
            if (b != HttpBytes.SP && b != HttpBytes.CR && b != HttpBytes.LF) {
                return malformedStatusLine();
            }
            status = (head.at(9) - '0') * 100 + (head.at(10) - '0') * 10 + (head.at(11) - '0');
            if (status < 100 || status > 599) {
                return new ParseFailure.StatusOutOfRange(status);
            }
        }
        if (b == HttpBytes.CR) {
            go(ParserState.STATUS_LINE_CR);
            return null;
        }
        if (b == HttpBytes.LF) {
            return endStatusLine();
        }
        return HttpBytes.isTextChar(b) ? null : malformedStatusLine();
    }

    private ParseFailure endStatusLine() {
        statusLineEnd = head.size();
        lineStart = statusLineEnd;
        go(ParserState.LINE_START);
        return null;
    }

    private ParseFailure lineStartByte(int b) {
        if (b == HttpBytes.CR) {
            go(ParserState.END_CR);
            return null;
        }
        if (b == HttpBytes.LF) {
            return endHead();
        }
        if (HttpBytes.isSpaceOrTab(b)) {
            return malformedHeader("line starts with whitespace (obs-fold is rejected)");
        }
        if (b == ':') {
            return malformedHeader("empty field name");
        }
        if (!HttpBytes.isTokenChar(b)) {
            return malformedHeader("illegal character in field name");
        }
        go(ParserState.FIELD_NAME);
        return null;
    }

    private ParseFailure fieldNameByte(int b) {
        if (b == ':') {
            go(ParserState.FIELD_VALUE);
            return null;
        }
        if (HttpBytes.isTokenChar(b)) {
            return null;
        }
        if (HttpBytes.isSpaceOrTab(b)) {
            return malformedHeader("whitespace before the colon");
        }
        if (b == HttpBytes.CR || b == HttpBytes.LF) {
            return malformedHeader("no colon");
        }
        return malformedHeader("illegal character in field name");
    }

    private ParseFailure fieldValueByte(int b) {
        if (b == HttpBytes.CR) {
            go(ParserState.FIELD_CR);
            return null;
        }
        if (b == HttpBytes.LF) {
            return endFieldLine();
        }
        if (HttpBytes.isTextChar(b)) {
            return null;
        }
        return malformedHeader(b == 0 ? "NUL byte in field value" : "control character in field value");
    }

    private ParseFailure endFieldLine() {
        fieldLines++;
        lineStart = head.size();
        go(ParserState.LINE_START);
        return null;
    }

    private ParseFailure endHead() {
        if (interim(status)) {
            interimHeadsSkipped++;
            head.clear();
            bytesSeen = 0;
            status = 0;
            fieldLines = 0;
            go(ParserState.STATUS_LINE);
            return null;
        }
        if (fieldLines == 0) {
            return new ParseFailure.MissingHeaders(head.statusLineExcerpt(statusLineEnd), false);
        }
        go(ParserState.COMPLETE);
        return null;
    }

    /** 1xx heads other than 101 Switching Protocols are interim: another head follows. */
    private static boolean interim(int status) {
        return status >= 100 && status < 200 && status != 101;
    }

    private ParseFailure malformedStatusLine() {
        return new ParseFailure.MalformedStatusLine(head.excerpt(0, head.size()));
    }

    private ParseFailure malformedHeader(String reason) {
        return new ParseFailure.MalformedHeader(fieldLines + 1, headerExcerpt(), reason);
    }

    /**
     * The broken line from its start through the offending byte, except that the value of a secret
     * header (name up to the colon or the first whitespace, judged by the redaction rule) is left out:
     * {@code Set-Cookie: [redacted]\x01} still shows which header and which byte broke the parse.
     */
    private String headerExcerpt() {
        int end = head.size();
        int nameEnd = lineStart;
        while (nameEnd < end && head.at(nameEnd) != ':' && !HttpBytes.isSpaceOrTab(head.at(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd >= end - 1 || !redaction.secret(head.latin1(lineStart, nameEnd))) {
            return head.excerpt(lineStart, end);
        }
        return head.excerpt(lineStart, nameEnd) + ": " + RedactionRule.REDACTED + head.excerpt(end - 1, end);
    }
}
