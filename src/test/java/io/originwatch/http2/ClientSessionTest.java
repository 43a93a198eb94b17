package io.originwatch.http2;

import static io.originwatch.http2.ServerBytes.server;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client session against scripted servers: healthy paths, every failure type, the flood guards
 * and flow control. Every row is also replayed at every fragment size from 1 to its length.
 */
class ClientSessionTest {

    /**
     * One scenario. {@code failure} null means a head was read; then {@code fragment} is a prefix of
     * the body, or with "cut:" a fragment of why the body was cut off. Otherwise {@code fragment}
     * is a fragment of the failure's description.
     */
    record Row(String name, byte[] wire, boolean eof, Class<? extends H2Failure> failure, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String OK_HEAD = "content-type";

    static ServerBytes okHead() {
        return server().settings().head(200, false, OK_HEAD, "text/plain", "content-length", "5");
    }

    static Stream<Row> rows() {
        return Stream.of(
                ok("ok", okHead().data("hello", true), "hello"),
                ok(
                        "PING answered before the head",
                        server().settings()
                                .ping(7)
                                .head(200, false, "server", "x")
                                .data("hi", true),
                        "hi"),
                ok(
                        "103 Early Hints then 200",
                        server().settings()
                                .head(103, false, "link", "</a.css>; rel=preload")
                                .head(200, false, "server", "x")
                                .data("ok", true),
                        "ok"),
                ok(
                        "graceful GOAWAY that accepted stream 1, then the response",
                        server().settings()
                                .goAway(1, 0, "")
                                .head(200, false, "server", "x")
                                .data("ok", true),
                        "ok"),
                ok("204 whose HEADERS ends the stream", server().settings().head(204, true, "server", "x"), ""),
                ok(
                        "trailers end the stream",
                        server().settings()
                                .head(200, false, "content-type", "application/grpc")
                                .data("abc", false)
                                .literalHead(true, "grpc-status", "0")
                                .bytes(),
                        false,
                        "abc"),
                ok(
                        "unknown frame type and PRIORITY are ignored",
                        server().settings()
                                .frame(0x20, 0, 0, new byte[3])
                                .frame(FrameType.PRIORITY, 0, 1, new byte[5])
                                .head(200, false, "server", "x")
                                .data("ok", true),
                        "ok"),
                ok(
                        "padded DATA",
                        server().settings()
                                .head(200, false, "server", "x")
                                .frame(
                                        FrameType.DATA,
                                        FrameType.FLAG_PADDED | FrameType.FLAG_END_STREAM,
                                        1,
                                        new byte[] {2, 'o', 'k', 0, 0}),
                        "ok"),
                ok(
                        "END_STREAM short of content-length",
                        server().settings()
                                .head(200, false, "content-length", "10")
                                .data("hello", true),
                        "cut:END_STREAM after 5 of 10 content-length bytes"),
                ok(
                        "RST_STREAM in the body cuts it off",
                        server().settings()
                                .head(200, false, "server", "x")
                                .data("he", false)
                                .reset(1, ErrorCode.CANCEL),
                        "cut:reset stream 1 with CANCEL"),
                new Row(
                        "end of connection in the body cuts it off",
                        server().settings()
                                .head(200, false, "server", "x")
                                .data("he", false)
                                .bytes(),
                        true,
                        null,
                        "cut:connection ended inside the body (no END_STREAM)"),
                fail(
                        "HTTP/1.1 answer",
                        server().raw("HTTP/1.1 400 Bad Request\r\nServer: x\r\n\r\n"),
                        H2Failure.SpokeHttp1.class,
                        "answered in HTTP/1.x: \"HTTP/1.1 400 Bad Request\""),
                new Row(
                        "HTTP/1.1 answer cut short",
                        server().raw("HTTP/1.1 20").bytes(),
                        true,
                        H2Failure.SpokeHttp1.class,
                        "\"HTTP/1.1 20\""),
                fail(
                        "first frame PING",
                        server().ping(1).settings(),
                        H2Failure.ProtocolError.class,
                        "first frame is PING"),
                fail(
                        "first frame SETTINGS ACK",
                        server().frame(FrameType.SETTINGS, FrameType.FLAG_ACK, 0, new byte[0]),
                        H2Failure.ProtocolError.class,
                        "not SETTINGS"),
                fail(
                        "GOAWAY PROTOCOL_ERROR before the head",
                        server().settings().goAway(1, ErrorCode.PROTOCOL_ERROR, "bad preface"),
                        H2Failure.GoAway.class,
                        "GOAWAY PROTOCOL_ERROR; stream 1 was accepted; debug \"bad preface\""),
                fail(
                        "graceful GOAWAY that did not accept stream 1",
                        server().settings().goAway(0, 0, ""),
                        H2Failure.GoAway.class,
                        "GOAWAY NO_ERROR; stream 1 was not processed (last stream 0)"),
                fail(
                        "GOAWAY as the first frame",
                        server().goAway(0, ErrorCode.ENHANCE_YOUR_CALM, ""),
                        H2Failure.GoAway.class,
                        "ENHANCE_YOUR_CALM"),
                fail(
                        "RST_STREAM HTTP_1_1_REQUIRED",
                        server().settings().reset(1, ErrorCode.HTTP_1_1_REQUIRED),
                        H2Failure.StreamReset.class,
                        "reset stream 1 with HTTP_1_1_REQUIRED"),
                fail(
                        "RST_STREAM on stream 3",
                        server().settings().reset(3, ErrorCode.CANCEL),
                        H2Failure.ProtocolError.class,
                        "RST_STREAM on stream 3, which we never opened"),
                fail(
                        "frame over the maximum frame size",
                        server().settings().frame(FrameType.DATA, 0, 1, new byte[16_385]),
                        H2Failure.ProtocolError.class,
                        "FRAME_SIZE_ERROR: DATA frame of 16385 bytes exceeds the maximum frame size 16384"),
                fail(
                        "SETTINGS of 5 bytes",
                        server().frame(FrameType.SETTINGS, 0, 0, new byte[5]),
                        H2Failure.ProtocolError.class,
                        "not a multiple of 6"),
                fail(
                        "SETTINGS_ENABLE_PUSH 1",
                        server().settings(0x2, 1),
                        H2Failure.ProtocolError.class,
                        "SETTINGS_ENABLE_PUSH 1"),
                fail(
                        "SETTINGS_INITIAL_WINDOW_SIZE over 2^31-1",
                        server().settings(0x4, 0x80000000L),
                        H2Failure.ProtocolError.class,
                        "FLOW_CONTROL_ERROR"),
                fail(
                        "SETTINGS_MAX_FRAME_SIZE below 16384",
                        server().settings(0x5, 100),
                        H2Failure.ProtocolError.class,
                        "SETTINGS_MAX_FRAME_SIZE 100"),
                fail(
                        "WINDOW_UPDATE overflowing the connection window",
                        server().settings().frame(FrameType.WINDOW_UPDATE, 0, 0, Frames.u32(0x7FFFFFFFL)),
                        H2Failure.ProtocolError.class,
                        "FLOW_CONTROL_ERROR: WINDOW_UPDATE takes the connection window"),
                fail(
                        "WINDOW_UPDATE of 0",
                        server().settings().frame(FrameType.WINDOW_UPDATE, 0, 1, Frames.u32(0)),
                        H2Failure.ProtocolError.class,
                        "increment of 0"),
                fail(
                        "PUSH_PROMISE",
                        server().settings().frame(FrameType.PUSH_PROMISE, FrameType.FLAG_END_HEADERS, 1, new byte[4]),
                        H2Failure.ProtocolError.class,
                        "PUSH_PROMISE"),
                fail(
                        "HPACK index out of range",
                        server().settings().block(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}, false),
                        H2Failure.ProtocolError.class,
                        "COMPRESSION_ERROR: HPACK could not decode"),
                fail(
                        "uppercase field name",
                        server().settings().literalHead(false, ":status", "200", "Server", "x"),
                        H2Failure.MalformedResponse.class,
                        "field \"Server\": uppercase letter in the name"),
                fail(
                        "connection-specific field",
                        server().settings().head(200, false, "connection", "close"),
                        H2Failure.MalformedResponse.class,
                        "field \"connection\": connection-specific field"),
                fail(
                        "no :status",
                        server().settings().literalHead(false, "server", "x"),
                        H2Failure.MalformedResponse.class,
                        "no :status"),
                fail(
                        "duplicate :status",
                        server().settings().literalHead(false, ":status", "200", ":status", "200", "server", "x"),
                        H2Failure.MalformedResponse.class,
                        "duplicate :status"),
                fail(
                        "pseudo-field after a regular one",
                        server().settings().literalHead(false, "server", "x", ":status", "200"),
                        H2Failure.MalformedResponse.class,
                        "pseudo-field :status after a regular field"),
                fail(
                        ":status 101",
                        server().settings().head(101, false, "upgrade-ish", "x"),
                        H2Failure.MalformedResponse.class,
                        ":status 101"),
                fail(
                        "request pseudo-field in a response",
                        server().settings().literalHead(false, ":status", "200", ":path", "/", "server", "x"),
                        H2Failure.MalformedResponse.class,
                        "pseudo-field :path is not allowed"),
                fail(
                        "value with a trailing space",
                        server().settings().literalHead(false, ":status", "200", "server", "x "),
                        H2Failure.MalformedResponse.class,
                        "value starts or ends with whitespace"),
                fail(
                        "interim head that ends the stream",
                        server().settings().head(103, true, "link", "x"),
                        H2Failure.MalformedResponse.class,
                        "interim head :status 103 ends the stream"),
                fail(
                        "DATA before the head",
                        server().settings().data("x", true),
                        H2Failure.MalformedResponse.class,
                        "DATA before the response head"),
                fail(
                        "HEADERS on stream 3",
                        server().settings()
                                .frame(FrameType.HEADERS, FrameType.FLAG_END_HEADERS, 3, new byte[] {(byte) 0x88}),
                        H2Failure.ProtocolError.class,
                        "HEADERS on stream 3"),
                fail(
                        "final head with only :status",
                        server().settings().head(200, false),
                        H2Failure.NoHeaderFields.class,
                        "\":status 200\" with no header fields"),
                fail(
                        "head over the limit",
                        server().settings().head(200, false, "x-filler", "f".repeat(9_000)),
                        H2Failure.HeadersTooLarge.class,
                        "exceeds 8192 bytes measured as HTTP/1.1 (read 9028 bytes"),
                fail(
                        "PING inside a header block",
                        server().settings()
                                .frame(FrameType.HEADERS, 0, 1, new byte[] {(byte) 0x88})
                                .ping(1),
                        H2Failure.ProtocolError.class,
                        "PING(stream 0, flags 0x0, 8 bytes) inside a header block"),
                fail(
                        "CONTINUATION flood",
                        continuationFlood(ClientSession.MAX_CONTINUATION_FRAMES + 1),
                        H2Failure.ProtocolError.class,
                        "ENHANCE_YOUR_CALM: more than 32 CONTINUATION frames"),
                fail(
                        "PING flood before the head",
                        pingFlood(ClientSession.MAX_FRAMES_BEFORE_HEAD),
                        H2Failure.ProtocolError.class,
                        "ENHANCE_YOUR_CALM: more than 100 frames before the response head"),
                fail(
                        "CONTINUATION without HEADERS",
                        server().settings().frame(FrameType.CONTINUATION, FrameType.FLAG_END_HEADERS, 1, new byte[0]),
                        H2Failure.ProtocolError.class,
                        "CONTINUATION without a header block"),
                new Row(
                        "closed before any byte",
                        new byte[0],
                        true,
                        H2Failure.ClosedBeforeResponse.class,
                        "connection closed before any response byte"),
                new Row(
                        "closed after SETTINGS",
                        server().settings().bytes(),
                        true,
                        H2Failure.ClosedBeforeResponse.class,
                        "after 9 bytes of connection frames"),
                new Row(
                        "closed inside a frame header",
                        java.util.Arrays.copyOf(server().settings().bytes(), 5),
                        true,
                        H2Failure.ClosedInsideFrame.class,
                        "inside a frame header after 5 bytes"),
                new Row(
                        "closed after 103",
                        server().settings().head(103, false, "link", "x").bytes(),
                        true,
                        H2Failure.ClosedInsideFrame.class,
                        "no final head after 1 interim heads"));
    }

    private static Row ok(String name, ServerBytes wire, String fragment) {
        return new Row(name, wire.bytes(), false, null, fragment);
    }

    private static Row ok(String name, byte[] wire, boolean eof, String fragment) {
        return new Row(name, wire, eof, null, fragment);
    }

    private static Row fail(String name, ServerBytes wire, Class<? extends H2Failure> type, String fragment) {
        return new Row(name, wire.bytes(), false, type, fragment);
    }

    static ServerBytes continuationFlood(int n) {
        ServerBytes s = server().settings().frame(FrameType.HEADERS, 0, 1, new byte[] {(byte) 0x88});
        for (int i = 0; i < n; i++) {
            s.frame(FrameType.CONTINUATION, 0, 1, new byte[0]);
        }
        return s;
    }

    static ServerBytes pingFlood(int n) {
        ServerBytes s = server().settings();
        for (int i = 0; i < n; i++) {
            s.ping(i);
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void concludesTheRow(Row row) {
        SessionReplay.Outcome o = SessionReplay.run(row.wire(), Math.max(1, row.wire().length), row.eof());
        if (row.failure() == null) {
            assertThat(o.failure()).as("failure").isNull();
            assertThat(o.state()).isEqualTo(SessionState.ENDED);
            assertThat(o.head()).isNotNull();
            if (row.fragment().startsWith("cut:")) {
                assertThat(o.cutOff()).contains(row.fragment().substring(4));
            } else {
                assertThat(o.cutOff()).isNull();
                assertThat(o.body()).isEqualTo(row.fragment());
            }
        } else {
            assertThat(o.state()).isEqualTo(SessionState.FAILED);
            assertThat(o.head()).isNull();
            assertThat(o.failure()).isInstanceOf(row.failure());
            assertThat(o.failure().describe()).contains(row.fragment());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sameOutcomeAtEveryFragmentSize(Row row) {
        SessionReplay.Outcome whole = SessionReplay.whole(row.wire(), row.eof());
        IntStream.rangeClosed(1, Math.max(1, row.wire().length))
                .forEach(size -> assertThat(SessionReplay.run(row.wire(), size, row.eof()))
                        .as("fragment size %d", size)
                        .isEqualTo(whole));
    }

    @Test
    void acknowledgesSettingsAndAnswersPingsWithTheirPayload() {
        SessionReplay.Outcome o = SessionReplay.whole(
                server().settings().ping(0x0102).head(200, true, "server", "x").bytes(), false);
        byte[] ping = new byte[8];
        WireBytes.put32(ping, 4, 0x0102);
        assertThat(o.outgoing())
                .isEqualTo(SessionReplay.hex(
                        Frames.frame(FrameType.SETTINGS, FrameType.FLAG_ACK, 0, new byte[0]),
                        Frames.frame(FrameType.PING, FrameType.FLAG_ACK, 0, ping)));
    }

    @Test
    void okHeadIsMeasuredAsHttp11Bytes() {
        SessionReplay.Outcome o =
                SessionReplay.whole(okHead().data("hello", true).bytes(), false);
        // "HTTP/1.1 200\r\n" + "content-type: text/plain\r\n" + "content-length: 5\r\n" + "\r\n"
        assertThat(o.head().http1Bytes()).isEqualTo(14 + 26 + 19 + 2);
        assertThat(o.headerBytes()).isEqualTo(o.head().http1Bytes());
        assertThat(o.head().fields()).extracting(Field::name).containsExactly("content-type", "content-length");
    }

    /** "HTTP/1.1 200\r\n" (14) + "x-a: " + value + "\r\n" (7 + value) + "\r\n" (2). */
    private static final int FIXED_BYTES = 14 + 7 + 2;

    @Test
    void headOfExactlyTheLimitPassesAndOneMoreByteFails() {
        byte[] atLimit = server().settings()
                .head(200, true, "x-a", "v".repeat(SessionReplay.LIMIT - FIXED_BYTES))
                .bytes();
        SessionReplay.Outcome pass = SessionReplay.whole(atLimit, false);
        assertThat(pass.failure()).isNull();
        assertThat(pass.head().http1Bytes()).isEqualTo(SessionReplay.LIMIT);

        byte[] over = server().settings()
                .head(200, true, "x-a", "v".repeat(SessionReplay.LIMIT - FIXED_BYTES + 1))
                .bytes();
        SessionReplay.Outcome fail = SessionReplay.whole(over, false);
        assertThat(fail.failure())
                .isEqualTo(new H2Failure.HeadersTooLarge(SessionReplay.LIMIT, SessionReplay.LIMIT + 1));
    }

    @Test
    void exactlyTheFloodBoundsPass() {
        ServerBytes continuations = continuationFlood(ClientSession.MAX_CONTINUATION_FRAMES - 1)
                .frame(
                        FrameType.CONTINUATION,
                        FrameType.FLAG_END_HEADERS,
                        1,
                        Hpack.encode(ServerBytes.fields("server", "x")));
        assertThat(SessionReplay.whole(continuations.bytes(), false).failure()).isNull();
        // SETTINGS + 98 PINGs + HEADERS = 100 frames before the head
        ServerBytes pings = pingFlood(ClientSession.MAX_FRAMES_BEFORE_HEAD - 2).head(200, true, "server", "x");
        assertThat(SessionReplay.whole(pings.bytes(), false).failure()).isNull();
    }

    @Test
    void compressedBlockOverItsBoundIsTooLarge() {
        int max = SessionReplay.LIMIT * ClientSession.HEADER_BLOCK_LIMIT_FACTOR;
        ServerBytes s = server().settings().frame(FrameType.HEADERS, 0, 1, new byte[16_384]);
        for (int sent = 16_384; sent <= max; sent += 16_384) {
            s.frame(FrameType.CONTINUATION, 0, 1, new byte[16_384]);
        }
        assertThat(SessionReplay.whole(s.bytes(), false).failure())
                .isEqualTo(new H2Failure.HeaderBlockTooLarge(max, max + 16_384 - (max % 16_384)));
    }

    @Test
    void dataBeyondTheGrantedWindowIsAFlowControlErrorThatCutsTheBody() {
        ServerBytes s = server().settings().head(200, false, "server", "x");
        for (int i = 0; i < 4; i++) {
            s.frame(FrameType.DATA, 0, 1, new byte[16_384]);
        }
        s.frame(FrameType.DATA, 0, 1, new byte[16_384]);
        SessionReplay.Outcome o = SessionReplay.whole(s.bytes(), false);
        assertThat(o.state()).isEqualTo(SessionState.ENDED);
        assertThat(o.cutOff()).contains("FLOW_CONTROL_ERROR: DATA beyond the 65535-byte window");
    }

    @Test
    void startSendsPrefaceSettingsWindowAndTheRequest() {
        ClientSession s = new ClientSession(8192, 1 << 20, (b, o, l) -> {});
        byte[] start = s.start(List.of(new Field(":method", "GET"), new Field(":path", "/")));
        assertThat(new String(start, 0, 24, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        List<Frame> frames = new java.util.ArrayList<>();
        FrameParser p = new FrameParser();
        assertThat(p.feed(start, 24, start.length - 24, frames::add)).isNull();
        assertThat(frames)
                .extracting(Frame::type)
                .containsExactly(FrameType.SETTINGS, FrameType.WINDOW_UPDATE, FrameType.HEADERS);
        assertThat(WireBytes.u31(frames.get(1).payload(), 0)).isEqualTo((1 << 20) - 65_535);
        assertThat(frames.get(2).streamId()).isEqualTo(1);
        assertThat(frames.get(2).flags()).isEqualTo(FrameType.FLAG_END_HEADERS | FrameType.FLAG_END_STREAM);
        assertThat(ClientSession.goAway()).hasSize(17);
    }
}
