package io.originwatch.http1;

import static io.originwatch.http1.Replay.latin1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact budget boundaries, the memory bound, excerpt bounds and the terminal-state contract. */
class ResponseHeadParserBoundsTest {

    private static final int DEFAULT_LIMIT = 8192;
    private static final String CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";

    /** A head of exactly {@code bytes} bytes: status line, one padded field, empty line. */
    static String headOf(int bytes, String status, String eol) {
        String start = status + eol + "X-Pad: ";
        String end = eol + eol;
        return start + "p".repeat(bytes - start.length() - end.length()) + end;
    }

    /** Interim and final heads with their sizes, the limit, and whether the response must pass. */
    record Boundary(String name, int limit, String wire, boolean passes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Boundary> boundaries() {
        return Stream.of(64, DEFAULT_LIMIT)
                .flatMap(limit -> Stream.of(
                        new Boundary(
                                limit + ": head of exactly limit bytes (CRLF) passes",
                                limit,
                                headOf(limit, "HTTP/1.1 200 OK", "\r\n") + "body",
                                true),
                        new Boundary(
                                limit + ": head of limit + 1 bytes (CRLF) fails",
                                limit,
                                headOf(limit + 1, "HTTP/1.1 200 OK", "\r\n") + "body",
                                false),
                        new Boundary(
                                limit + ": head of exactly limit bytes (LF) passes",
                                limit,
                                headOf(limit, "HTTP/1.1 200 OK", "\n"),
                                true),
                        new Boundary(
                                limit + ": head of limit + 1 bytes (LF) fails",
                                limit,
                                headOf(limit + 1, "HTTP/1.1 200 OK", "\n"),
                                false),
                        new Boundary(
                                limit + ": interim and final heads of exactly limit bytes each pass",
                                limit,
                                headOf(limit, "HTTP/1.1 103 Early", "\r\n") + headOf(limit, "HTTP/1.1 200 OK", "\r\n")
                                        + "b",
                                true),
                        new Boundary(
                                limit + ": interim head of limit + 1 bytes fails",
                                limit,
                                headOf(limit + 1, "HTTP/1.1 103 Early", "\r\n")
                                        + headOf(limit, "HTTP/1.1 200 OK", "\r\n"),
                                false),
                        new Boundary(
                                limit + ": final head of limit + 1 bytes after a full interim head fails",
                                limit,
                                CONTINUE
                                        + headOf(limit, "HTTP/1.1 103 Early", "\r\n")
                                        + headOf(limit + 1, "HTTP/1.1 200 OK", "\r\n"),
                                false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void budgetBoundaryIsExactAtEveryFragmentSize(Boundary c) {
        byte[] wire = latin1(c.wire());
        Replay.Outcome whole = Replay.whole(wire, c.limit(), false);
        if (c.passes()) {
            assertThat(whole.head().headerSectionBytes()).isEqualTo(c.limit());
            assertThat(whole.bytesSeen()).isEqualTo(c.limit());
        } else {
            assertThat(whole.failure()).isEqualTo(new ParseFailure.HeadersTooLarge(c.limit(), c.limit() + 1));
            assertThat(whole.bytesSeen()).isEqualTo(c.limit() + 1);
        }
        for (int fragment = 1; fragment <= wire.length; fragment++) {
            Replay.Outcome split = Replay.run(wire, c.limit(), fragment, false);
            assertThat(split.withoutMemory()).as("fragment size %d", fragment).isEqualTo(whole.withoutMemory());
            assertThat(split.maxRetained()).as("retained bytes").isLessThanOrEqualTo(c.limit());
        }
    }

    @Test
    void endlessHeaderBytesStopAtLimitPlusOneAndRetainAtMostTheLimit() {
        byte[] chunk = latin1("X-Endless: " + "e".repeat(64 * 1024 - 13) + "\r\n");
        ResponseHeadParser parser = new ResponseHeadParser(DEFAULT_LIMIT);
        parser.feed(latin1("HTTP/1.1 200 OK\r\n"), 0, 17);
        ParseStep step = new ParseStep.NeedMore();
        int fed = 0;
        for (int mib = 0; mib < 4 * 16; mib++) {
            step = parser.feed(chunk, 0, chunk.length);
            fed += chunk.length;
            assertThat(parser.retainedBytes()).isLessThanOrEqualTo(DEFAULT_LIMIT);
        }
        assertThat(fed).isGreaterThanOrEqualTo(4 << 20);
        assertThat(step)
                .isEqualTo(new ParseStep.Failed(new ParseFailure.HeadersTooLarge(DEFAULT_LIMIT, DEFAULT_LIMIT + 1)));
        assertThat(parser.bytesSeen()).isEqualTo(DEFAULT_LIMIT + 1);
        assertThat(parser.totalBytesFed()).isEqualTo(DEFAULT_LIMIT + 1);
    }

    @Test
    void endlessInterimHeadsKeepMemoryBoundedWhileTheyAreValid() {
        byte[] one = latin1(CONTINUE);
        byte[] chunk = latin1(CONTINUE.repeat(4096));
        ResponseHeadParser parser = new ResponseHeadParser(DEFAULT_LIMIT);
        for (int i = 0; i < 48; i++) {
            assertThat(parser.feed(chunk, 0, chunk.length)).isInstanceOf(ParseStep.NeedMore.class);
            assertThat(parser.retainedBytes()).isLessThanOrEqualTo(DEFAULT_LIMIT);
        }
        assertThat(parser.interimHeadsSkipped()).isEqualTo(48 * 4096);
        assertThat(parser.totalBytesFed()).isEqualTo(48L * chunk.length).isGreaterThan(4L << 20);
        assertThat(parser.bytesSeen()).isZero();
        assertThat(parser.feed(one, 0, 5)).isInstanceOf(ParseStep.NeedMore.class);
        assertThat(parser.bytesSeen()).isEqualTo(5);
    }

    @Test
    void byteByByteMegabyteStaysUnderTheLimit() {
        byte[] wire = latin1("HTTP/1.1 200 OK\r\n" + "A: b\r\n".repeat(200_000));
        Replay.Outcome outcome = Replay.run(wire, DEFAULT_LIMIT, 1, true);
        assertThat(outcome.failure()).isEqualTo(new ParseFailure.HeadersTooLarge(DEFAULT_LIMIT, DEFAULT_LIMIT + 1));
        assertThat(outcome.maxRetained()).isLessThanOrEqualTo(DEFAULT_LIMIT);
    }

    @Test
    void longLinesGiveBoundedExcerptsEndingAtTheOffendingByte() {
        String name = "N".repeat(3000);
        Replay.Outcome outcome =
                Replay.whole(latin1("HTTP/1.1 200 OK\r\n" + name + "\u0000: v\r\n\r\n"), DEFAULT_LIMIT, false);
        ParseFailure.MalformedHeader failure = (ParseFailure.MalformedHeader) outcome.failure();
        assertThat(failure.excerpt())
                .hasSizeLessThanOrEqualTo(HttpBytes.MAX_EXCERPT_CHARS)
                .startsWith("NNNN")
                .contains("...")
                .endsWith("NN\\x00");
        assertThat(failure.describe()).contains("malformed header line 1 (illegal character in field name)");
    }

    @Test
    void afterCompleteTheParserReadsNothingMore() {
        byte[] wire = latin1("HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody");
        ResponseHeadParser parser = new ResponseHeadParser(DEFAULT_LIMIT);
        ParseStep.Complete done = (ParseStep.Complete) parser.feed(wire, 0, wire.length);
        assertThat(done.consumed()).isEqualTo(wire.length - 4);

        assertThat(parser.feed(wire, 0, wire.length)).isEqualTo(new ParseStep.Complete(done.head(), 0));
        assertThat(parser.endOfStream()).isEqualTo(new ParseStep.Complete(done.head(), 0));
        assertThat(parser.totalBytesFed()).isEqualTo(wire.length - 4);
    }

    @Test
    void afterFailureTheParserRepeatsTheFailure() {
        ResponseHeadParser parser = new ResponseHeadParser(DEFAULT_LIMIT);
        ParseStep failed = parser.feed(latin1("XYZ"), 0, 3);
        assertThat(failed).isEqualTo(new ParseStep.Failed(new ParseFailure.MalformedStatusLine("X")));
        assertThat(parser.feed(latin1("HTTP/1.1 200 OK\r\n"), 0, 17)).isEqualTo(failed);
        assertThat(parser.endOfStream()).isEqualTo(failed);
        assertThat(parser.totalBytesFed()).isEqualTo(1);
    }

    @Test
    void emptyChunksAndOffsetsAreHonoured() {
        byte[] padded = latin1("junkHTTP/1.1 200 OK\r\nA: b\r\n\r\njunk");
        ResponseHeadParser parser = new ResponseHeadParser(DEFAULT_LIMIT);
        assertThat(parser.feed(padded, 4, 0)).isInstanceOf(ParseStep.NeedMore.class);
        ParseStep.Complete done = (ParseStep.Complete) parser.feed(padded, 4, padded.length - 8);
        assertThat(done.consumed()).isEqualTo(padded.length - 8);
        assertThat(done.head().first("a")).contains("b");
        assertThatThrownBy(() -> new ResponseHeadParser(DEFAULT_LIMIT).feed(padded, 30, 10))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsALimitTooSmallForAnyHead() {
        assertThatThrownBy(() -> new ResponseHeadParser(15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16, got 15");
    }
}
