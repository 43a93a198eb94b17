package io.originwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.http1.ParseFailure;
import io.originwatch.http1.ParseStep;
import io.originwatch.http1.ResponseHeadParser;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.StatusSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The byte where parsing failed is the parser's own: the kept head fed again, one byte at a time. */
class ParseFailureViewTest {

    static final int LIMIT = 64;

    record Case(String name, String head, String kind, Integer offset, Integer line) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String status = "HTTP/1.1 200 OK\r\n";
        return Stream.of(
                new Case(
                        "no colon: the space after the first word",
                        status + "Bad line\r\n\r\n",
                        "malformed_header",
                        20,
                        1),
                new Case("garbage status line: its first byte", "hello\r\n\r\n", "malformed_status_line", 0, 0),
                new Case("missing headers: the empty line", status + "\r\nbody", "missing_headers", 18, 1),
                new Case(
                        "over the limit: byte limit + 1",
                        status + "X: " + "a".repeat(100) + "\r\n\r\n",
                        "headers_too_large",
                        LIMIT,
                        1),
                new Case("ended early: the end of the stream", status + "X: y", "premature_end", 21, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offsetIsWhereTheParserStopped(Case c) {
        byte[] head = c.head().getBytes(StandardCharsets.ISO_8859_1);
        ParseFailureView v = ParseFailureView.of(result(head, failureOf(head)));
        assertThat(v.kind()).isEqualTo(c.kind());
        assertThat(v.offset()).isEqualTo(c.offset());
        assertThat(v.line()).isEqualTo(c.line());
        assertThat(v.reason()).isEqualTo(failureOf(head).describe());
    }

    @org.junit.jupiter.api.Test
    void aCompleteHeadHasNoParseFailure() {
        byte[] head = "HTTP/1.1 200 OK\r\nA: b\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        ProbeResult ok = result(head, null);
        assertThat(ParseFailureView.of(ok)).isNull();
    }

    /** What the prober's parser decided for the whole head in one chunk. */
    private static ParseFailure failureOf(byte[] head) {
        ResponseHeadParser parser = new ResponseHeadParser(LIMIT);
        ParseStep step = parser.feed(head, 0, head.length);
        if (step instanceof ParseStep.NeedMore) {
            step = parser.endOfStream();
        }
        return ((ParseStep.Failed) step).failure();
    }

    static ProbeResult result(byte[] head, ParseFailure failure) {
        ProbeSpec spec = new ProbeSpec(
                "t",
                URI.create("http://127.0.0.1:1/"),
                "t.test",
                "GET",
                List.of(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                LIMIT,
                1024,
                StatusSet.parse("200-399"),
                true,
                null,
                "test");
        return new ProbeResult(
                spec,
                Instant.EPOCH,
                new PhaseTimings(Map.of()),
                null,
                failure == null ? null : new ProbeFailure.Parse(failure),
                null,
                head.length,
                0,
                false,
                false,
                null,
                new Evidence(new byte[0], head, new byte[0], false));
    }
}
