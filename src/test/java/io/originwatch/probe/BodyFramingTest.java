package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ResponseHead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Body framing decides body_truncated: complete vs ended early, replayed at every fragment size. */
class BodyFramingTest {

    record Case(
            String name,
            String method,
            int status,
            List<HeaderField> fields,
            String body,
            boolean complete,
            long payloadBytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<HeaderField> CHUNKED = List.of(new HeaderField("Transfer-Encoding", "chunked"));

    private static List<HeaderField> length(int n) {
        return List.of(new HeaderField("Content-Length", Integer.toString(n)));
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("content-length exact", "GET", 200, length(5), "hello", true, 5),
                new Case("content-length short", "GET", 200, length(10), "hello", false, 5),
                new Case("content-length zero", "GET", 200, length(0), "", true, 0),
                new Case("chunked complete", "GET", 200, CHUNKED, "5\r\nhello\r\n0\r\n\r\n", true, 5),
                new Case(
                        "chunked with extension and trailer",
                        "GET",
                        200,
                        CHUNKED,
                        "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-T: 1\r\n\r\n",
                        true,
                        31),
                new Case("chunked LF only", "GET", 200, CHUNKED, "5\nhello\n0\n\n", true, 5),
                new Case("chunked missing last chunk", "GET", 200, CHUNKED, "5\r\nhello\r\n", false, 5),
                new Case("chunked cut inside a chunk", "GET", 200, CHUNKED, "a\r\nhel", false, 3),
                new Case("chunked missing final CRLF", "GET", 200, CHUNKED, "5\r\nhello\r\n0\r\n", false, 5),
                new Case("HEAD has no body", "HEAD", 200, length(100), "", true, 0),
                new Case("204 has no body", "GET", 204, length(100), "", true, 0),
                new Case("304 has no body", "GET", 304, CHUNKED, "", true, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void framingAtEveryFragmentSize(Case c) {
        byte[] body = c.body().getBytes(StandardCharsets.ISO_8859_1);
        for (int size = 1; size <= Math.max(1, body.length); size++) {
            BodyFraming f = BodyFraming.of(new ResponseHead("HTTP/1.1", c.status(), "", c.fields(), 20), c.method());
            for (int off = 0; off < body.length && !f.complete(); off += size) {
                f.consume(body, off, Math.min(size, body.length - off));
            }
            assertThat(f.complete()).as("%s at fragment size %d", c, size).isEqualTo(c.complete());
            assertThat(f.malformed()).as("%s malformed at %d", c, size).isFalse();
            assertThat(f.payloadBytes()).as("%s payload at %d", c, size).isEqualTo(c.payloadBytes());
        }
    }

    @org.junit.jupiter.api.Test
    void withoutLengthOrChunkingTheBodyEndsAtClose() {
        BodyFraming f = BodyFraming.of(new ResponseHead("HTTP/1.0", 200, "", new ArrayList<>(), 20), "GET");
        f.consume(new byte[10], 0, 10);
        assertThat(f.endsAtClose()).isTrue();
        assertThat(f.payloadBytes()).isEqualTo(10);
    }
}
