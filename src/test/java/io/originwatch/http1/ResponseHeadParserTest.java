package io.originwatch.http1;

import static io.originwatch.http1.Replay.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.http1.ParseFailure.EmptyResponse;
import io.originwatch.http1.ParseFailure.HeadersTooLarge;
import io.originwatch.http1.ParseFailure.MalformedHeader;
import io.originwatch.http1.ParseFailure.MalformedStatusLine;
import io.originwatch.http1.ParseFailure.MissingHeaders;
import io.originwatch.http1.ParseFailure.PrematureEnd;
import io.originwatch.http1.ParseFailure.StatusOutOfRange;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue row the parser decides (empty_response, headers_too_large, missing_headers,
 * invalid_response) and every documented edge case, as named tables; each case is also replayed at
 * every fragment size from 1 (byte by byte) to its length.
 */
class ResponseHeadParserTest {

    private static final int LIMIT = 8192;
    private static final int SMALL_LIMIT = 256;
    private static final String OK = "HTTP/1.1 200 OK\r\n";
    private static final String OBS_FOLD = "line starts with whitespace (obs-fold is rejected)";

    /** A response the parser must reject with exactly {@code expected}. */
    record Failure(String name, String wire, int limit, boolean endOfStream, ParseFailure expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A response the parser must accept; {@code body} is what follows the head. */
    record Success(
            String name,
            String wire,
            String version,
            int status,
            String reason,
            List<HeaderField> fields,
            String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Failure fails(String name, String wire, ParseFailure expected) {
        return new Failure(name, wire, LIMIT, false, expected);
    }

    static Failure failsAtEof(String name, String wire, ParseFailure expected) {
        return new Failure(name, wire, LIMIT, true, expected);
    }

    static Failure failsSmall(String name, String wire, ParseFailure expected) {
        return new Failure(name, wire, SMALL_LIMIT, false, expected);
    }

    static Stream<Failure> failures() {
        String pad = "a".repeat(SMALL_LIMIT);
        return Stream.of(
                failsAtEof("empty_response: end of stream before any byte", "", new EmptyResponse()),
                failsSmall(
                        "headers_too_large: one long field value",
                        OK + "X-Big: " + pad + "\r\n\r\n",
                        new HeadersTooLarge(SMALL_LIMIT, SMALL_LIMIT + 1)),
                failsSmall(
                        "headers_too_large: many small fields",
                        OK + "X-A: 1234567890\r\n".repeat(20) + "\r\n",
                        new HeadersTooLarge(SMALL_LIMIT, SMALL_LIMIT + 1)),
                failsSmall(
                        "headers_too_large: long reason phrase",
                        "HTTP/1.1 200 " + pad,
                        new HeadersTooLarge(SMALL_LIMIT, SMALL_LIMIT + 1)),
                failsSmall(
                        "headers_too_large: endless name (no colon is only known at the line end)",
                        OK + pad,
                        new HeadersTooLarge(SMALL_LIMIT, SMALL_LIMIT + 1)),
                failsSmall(
                        "headers_too_large: interim 103 head over its own budget",
                        "HTTP/1.1 103 Early Hints\r\nLink: " + pad + "\r\n\r\n" + OK + "A: b\r\n\r\n",
                        new HeadersTooLarge(SMALL_LIMIT, SMALL_LIMIT + 1)),
                failsSmall(
                        "headers_too_large: decided before a malformed byte past the limit",
                        OK + "X: " + "b".repeat(SMALL_LIMIT - 20) + "\0",
                        new HeadersTooLarge(SMALL_LIMIT, SMALL_LIMIT + 1)),
                fails(
                        "missing_headers: status line then CRLF",
                        OK + "\r\n",
                        new MissingHeaders("HTTP/1.1 200 OK", false)),
                fails(
                        "missing_headers: status line then LF (LF-only)",
                        "HTTP/1.1 200 OK\n\n",
                        new MissingHeaders("HTTP/1.1 200 OK", false)),
                failsAtEof(
                        "missing_headers: status line then end of stream",
                        OK,
                        new MissingHeaders("HTTP/1.1 200 OK", true)),
                failsAtEof(
                        "missing_headers: status line, CR, end of stream",
                        "HTTP/1.1 502 Bad Gateway\r\n\r",
                        new MissingHeaders("HTTP/1.1 502 Bad Gateway", true)),
                fails(
                        "missing_headers: 204 with no fields and no reason",
                        "HTTP/1.1 204\r\n\r\n",
                        new MissingHeaders("HTTP/1.1 204", false)),
                fails(
                        "missing_headers: final head after an interim 100",
                        "HTTP/1.1 100 Continue\r\n\r\n" + OK + "\r\n",
                        new MissingHeaders("HTTP/1.1 200 OK", false)),
                fails(
                        "missing_headers: 101 is final",
                        "HTTP/1.1 101 Switching Protocols\r\n\r\n",
                        new MissingHeaders("HTTP/1.1 101 Switching Protocols", false)),
                fails("invalid_response: html instead of a status line", "<html>", new MalformedStatusLine("<")),
                fails("invalid_response: HTTP/0.9 style body", "Hello", new MalformedStatusLine("He")),
                fails(
                        "invalid_response: HTTP/2 status line",
                        "HTTP/2 200\r\nA: b\r\n\r\n",
                        new MalformedStatusLine("HTTP/2")),
                fails(
                        "invalid_response: HTTP/2.0 status line",
                        "HTTP/2.0 200 OK\r\n",
                        new MalformedStatusLine("HTTP/2")),
                fails("invalid_response: lower-case http", "http/1.1 200 OK\r\n", new MalformedStatusLine("h")),
                fails("invalid_response: ICY (shoutcast)", "ICY 200 OK\r\n", new MalformedStatusLine("I")),
                fails(
                        "invalid_response: leading CRLF before the status line",
                        "\r\n" + OK + "A: b\r\n\r\n",
                        new MalformedStatusLine("\\x0D")),
                fails(
                        "invalid_response: leading LF before the status line",
                        "\n" + OK,
                        new MalformedStatusLine("\\x0A")),
                fails(
                        "invalid_response: minor version not a digit",
                        "HTTP/1.x 200 OK\r\n",
                        new MalformedStatusLine("HTTP/1.x")),
                fails(
                        "invalid_response: two-digit status",
                        "HTTP/1.1 20 OK\r\n",
                        new MalformedStatusLine("HTTP/1.1 20 ")),
                fails(
                        "invalid_response: four-digit status",
                        "HTTP/1.1 2000 OK\r\n",
                        new MalformedStatusLine("HTTP/1.1 2000")),
                fails(
                        "invalid_response: two spaces before the status",
                        "HTTP/1.1  200 OK\r\n",
                        new MalformedStatusLine("HTTP/1.1  ")),
                fails("invalid_response: version only", "HTTP/1.1\r\n", new MalformedStatusLine("HTTP/1.1\\x0D")),
                fails(
                        "invalid_response: NUL in the reason phrase",
                        "HTTP/1.1 200 O\0K\r\n",
                        new MalformedStatusLine("HTTP/1.1 200 O\\x00")),
                fails(
                        "invalid_response: bare CR in the status line",
                        "HTTP/1.1 200 OK\rA: b\r\n\r\n",
                        new MalformedStatusLine("HTTP/1.1 200 OK\\x0DA")),
                fails("invalid_response: status 600", "HTTP/1.1 600 Nope\r\n", new StatusOutOfRange(600)),
                fails("invalid_response: status 099", "HTTP/1.1 099\r\n", new StatusOutOfRange(99)),
                fails("invalid_response: status 000", "HTTP/1.1 000 Zero\r\n", new StatusOutOfRange(0)),
                fails(
                        "invalid_response: field line with no colon (CRLF)",
                        OK + "NoColonHere\r\n\r\n",
                        new MalformedHeader(1, "NoColonHere\\x0D", "no colon")),
                fails(
                        "invalid_response: field line with no colon (LF)",
                        OK + "A: b\nNoColon\n\n",
                        new MalformedHeader(2, "NoColon\\x0A", "no colon")),
                fails(
                        "invalid_response: space before the colon",
                        OK + "Content-Length : 5\r\n\r\n",
                        new MalformedHeader(1, "Content-Length ", "whitespace before the colon")),
                fails(
                        "invalid_response: tab before the colon",
                        OK + "A: b\r\nX\t: y\r\n\r\n",
                        new MalformedHeader(2, "X\\x09", "whitespace before the colon")),
                fails(
                        "invalid_response: illegal token character in a name",
                        OK + "X(Y): z\r\n\r\n",
                        new MalformedHeader(1, "X(", "illegal character in field name")),
                fails(
                        "invalid_response: non-ASCII byte in a name",
                        OK + "X\u00e9: z\r\n\r\n",
                        new MalformedHeader(1, "X\\xE9", "illegal character in field name")),
                fails(
                        "invalid_response: NUL in a name",
                        OK + "X\0: z\r\n\r\n",
                        new MalformedHeader(1, "X\\x00", "illegal character in field name")),
                fails(
                        "invalid_response: empty field name",
                        OK + ": value\r\n\r\n",
                        new MalformedHeader(1, ":", "empty field name")),
                fails(
                        "invalid_response: obs-fold continuation line",
                        OK + "X-A: b\r\n c\r\n\r\n",
                        new MalformedHeader(2, " ", OBS_FOLD)),
                fails(
                        "invalid_response: whitespace before the first field",
                        OK + "\tX: y\r\n\r\n",
                        new MalformedHeader(1, "\\x09", OBS_FOLD)),
                fails(
                        "invalid_response: NUL in a value",
                        OK + "X: a\0b\r\n\r\n",
                        new MalformedHeader(1, "X: a\\x00", "NUL byte in field value")),
                fails(
                        "invalid_response: control byte in a value",
                        OK + "X: a\u0001\r\n\r\n",
                        new MalformedHeader(1, "X: a\\x01", "control character in field value")),
                fails(
                        "invalid_response: DEL in a value",
                        OK + "X: a\u007f\r\n\r\n",
                        new MalformedHeader(1, "X: a\\x7F", "control character in field value")),
                fails(
                        "invalid_response: bare CR in a value",
                        OK + "X: a\rb\r\n\r\n",
                        new MalformedHeader(1, "X: a\\x0Db", "bare CR not followed by LF")),
                fails(
                        "invalid_response: bare CR instead of the empty line",
                        OK + "X: a\r\n\rZ",
                        new MalformedHeader(2, "\\x0DZ", "bare CR not followed by LF")),
                fails(
                        "invalid_response: quote and backslash are escaped",
                        OK + "A\"\\: b\r\n\r\n",
                        new MalformedHeader(1, "A\\x22", "illegal character in field name")),
                failsAtEof(
                        "invalid_response: end of stream after a field line",
                        OK + "Server: x\r\n",
                        new PrematureEnd(28, 1)),
                failsAtEof(
                        "invalid_response: end of stream inside the first field line",
                        OK + "Serv",
                        new PrematureEnd(21, 0)),
                failsAtEof(
                        "invalid_response: end of stream after a field CR",
                        OK + "Server: x\r",
                        new PrematureEnd(27, 0)),
                failsAtEof(
                        "invalid_response: end of stream inside the status line",
                        "HTTP/1.1 20",
                        new PrematureEnd(11, 0)),
                failsAtEof(
                        "invalid_response: end of stream after an interim head",
                        "HTTP/1.1 100 Continue\r\n\r\n",
                        new PrematureEnd(0, 0)),
                failsAtEof(
                        "invalid_response: end of stream after an interim status line",
                        "HTTP/1.1 100 Continue\r\n",
                        new PrematureEnd(23, 0)));
    }

    static Stream<Success> successes() {
        List<HeaderField> cl2 = List.of(new HeaderField("Content-Length", "2"));
        return Stream.of(
                new Success(
                        "CRLF head with body", OK + "Content-Length: 2\r\n\r\nhi", "HTTP/1.1", 200, "OK", cl2, "hi"),
                new Success(
                        "LF-only line endings",
                        "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi",
                        "HTTP/1.1",
                        200,
                        "OK",
                        cl2,
                        "hi"),
                new Success(
                        "mixed CRLF and LF",
                        "HTTP/1.1 200 OK\nContent-Length: 2\r\n\nhi",
                        "HTTP/1.1",
                        200,
                        "OK",
                        cl2,
                        "hi"),
                new Success(
                        "HTTP/1.0", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi", "HTTP/1.0", 200, "OK", cl2, "hi"),
                new Success(
                        "HTTP/1.9 accepted as 1.x",
                        "HTTP/1.9 200 OK\r\nContent-Length: 2\r\n\r\nhi",
                        "HTTP/1.9",
                        200,
                        "OK",
                        cl2,
                        "hi"),
                new Success(
                        "missing reason phrase, no space",
                        "HTTP/1.1 404\r\nContent-Length: 2\r\n\r\nhi",
                        "HTTP/1.1",
                        404,
                        "",
                        cl2,
                        "hi"),
                new Success(
                        "missing reason phrase after the space",
                        "HTTP/1.1 404 \r\nContent-Length: 2\r\n\r\nhi",
                        "HTTP/1.1",
                        404,
                        "",
                        cl2,
                        "hi"),
                new Success(
                        "reason with tab, spaces and obs-text",
                        "HTTP/1.1 500 Gr\u00fc\u00dfe\tand more\r\nA: b\r\n\r\n",
                        "HTTP/1.1",
                        500,
                        "Gr\u00fc\u00dfe\tand more",
                        List.of(new HeaderField("A", "b")),
                        ""),
                new Success(
                        "value trimmed, inner whitespace kept",
                        OK + "X:   a  b \t\r\nY:\r\nZ:c\r\n\r\n",
                        "HTTP/1.1",
                        200,
                        "OK",
                        List.of(new HeaderField("X", "a  b"), new HeaderField("Y", ""), new HeaderField("Z", "c")),
                        ""),
                new Success(
                        "value with colons and obs-text",
                        OK + "Location: http://a.test:8080/\u00e9\r\n\r\n",
                        "HTTP/1.1",
                        200,
                        "OK",
                        List.of(new HeaderField("Location", "http://a.test:8080/\u00e9")),
                        ""),
                new Success(
                        "token specials in a name",
                        OK + "X-!#$%&'*+.^_`|~9: v\r\n\r\n",
                        "HTTP/1.1",
                        200,
                        "OK",
                        List.of(new HeaderField("X-!#$%&'*+.^_`|~9", "v")),
                        ""),
                new Success(
                        "interim 100 skipped",
                        "HTTP/1.1 100 Continue\r\n\r\n" + OK + "Content-Length: 2\r\n\r\nhi",
                        "HTTP/1.1",
                        200,
                        "OK",
                        cl2,
                        "hi"),
                new Success(
                        "interim 100 and 103 with fields skipped",
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                                + "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nhi",
                        "HTTP/1.1",
                        404,
                        "Not Found",
                        cl2,
                        "hi"),
                new Success(
                        "101 is final; what follows is not parsed",
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0002hi",
                        "HTTP/1.1",
                        101,
                        "Switching Protocols",
                        List.of(new HeaderField("Upgrade", "websocket")),
                        "\u0081\u0002hi"),
                new Success(
                        "status 599",
                        "HTTP/1.1 599 Edge\r\nA: b\r\n\r\n",
                        "HTTP/1.1",
                        599,
                        "Edge",
                        List.of(new HeaderField("A", "b")),
                        ""),
                new Success(
                        "body that looks like a head is left alone",
                        OK + "A: b\r\n\r\nHTTP/1.1 200 OK\r\n\0\r\n",
                        "HTTP/1.1",
                        200,
                        "OK",
                        List.of(new HeaderField("A", "b")),
                        "HTTP/1.1 200 OK\r\n\0\r\n"));
    }

    static Stream<String> allWireNames() {
        return Stream.concat(failures().map(Failure::name), successes().map(Success::name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void rejects(Failure c) {
        Replay.Outcome outcome = Replay.whole(latin1(c.wire()), c.limit(), c.endOfStream());

        assertThat(outcome.failure()).isEqualTo(c.expected());
        assertThat(outcome.head()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void rejectsAlikeAtEveryFragmentSize(Failure c) {
        byte[] wire = latin1(c.wire());
        Replay.Outcome whole = Replay.whole(wire, c.limit(), c.endOfStream()).withoutMemory();
        for (int fragment = 1; fragment <= wire.length; fragment++) {
            assertThat(Replay.run(wire, c.limit(), fragment, c.endOfStream()).withoutMemory())
                    .as("fragment size %d", fragment)
                    .isEqualTo(whole);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void accepts(Success c) {
        byte[] wire = latin1(c.wire());
        Replay.Outcome outcome = Replay.whole(wire, LIMIT, false);

        assertThat(outcome.failure()).isNull();
        ResponseHead head = outcome.head();
        assertThat(head.version()).isEqualTo(c.version());
        assertThat(head.status()).isEqualTo(c.status());
        assertThat(head.reason()).isEqualTo(c.reason());
        assertThat(head.fields()).containsExactlyElementsOf(c.fields());
        int headBytes = wire.length - latin1(c.body()).length;
        assertThat(outcome.bodyStart()).isEqualTo(headBytes);
        assertThat(new String(
                        Arrays.copyOfRange(wire, (int) outcome.bodyStart(), wire.length),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(c.body());
        assertThat(outcome.totalFed()).isEqualTo(headBytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void acceptsAlikeAtEveryFragmentSizeWithoutLosingBodyBytes(Success c) {
        byte[] wire = latin1(c.wire());
        Replay.Outcome whole = Replay.whole(wire, LIMIT, false).withoutMemory();
        for (int fragment = 1; fragment <= wire.length; fragment++) {
            assertThat(Replay.run(wire, LIMIT, fragment, false).withoutMemory())
                    .as("fragment size %d", fragment)
                    .isEqualTo(whole);
        }
    }
}
