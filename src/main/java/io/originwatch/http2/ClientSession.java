package io.originwatch.http2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The client's side of one HTTP/2 connection carrying one request on stream 1, without I/O: the
 * prober writes {@link #start} and {@link #drainOutgoing()}, and feeds what it reads.
 *
 * <p>Lifecycle (states in {@link SessionState}, every move checked by {@link SessionState#canGoTo}):
 * <ol>
 * <li>{@link #start}: the connection preface, our SETTINGS (push off, a receive window of the body
 *     limit), a connection WINDOW_UPDATE to match, and HEADERS on stream 1 (CONTINUATION if needed).</li>
 * <li>AWAITING_SETTINGS: the server's first frame must be SETTINGS. Anything else is a protocol
 *     error, except GOAWAY, which is judged as a GOAWAY: the server is telling why.</li>
 * <li>AWAITING_HEAD: SETTINGS are checked and ACKed, PINGs answered, WINDOW_UPDATEs checked for
 *     overflow; a graceful GOAWAY (NO_ERROR, stream 1 accepted) is noted and reading goes on; an
 *     error GOAWAY, a GOAWAY that did not accept stream 1, or RST_STREAM on stream 1 fails. Header
 *     blocks are decoded (HPACK), judged by {@link ResponseHeads} and measured as HTTP/1.1 bytes
 *     against the header limit; interim 1xx heads are skipped; a final head moves to BODY, or to
 *     ENDED when it ends the stream.</li>
 * <li>BODY: DATA payload goes to the {@link BodySink} until END_STREAM (ENDED). A reset, an error
 *     GOAWAY, a broken frame or the end of the connection also end it, marked {@link #bodyCutOff()}.</li>
 * <li>{@link #goAway()}: the GOAWAY(NO_ERROR) the prober sends before close_notify.</li>
 * </ol>
 *
 * <p>Bounds, named below: frames before the head, CONTINUATION frames per block, the compressed
 * block, the decoded head (the header limit), frame size. Nothing is kept but the current frame,
 * the current header block and the decoded head.
 */
public final class ClientSession {

    /** Our one stream: the first client-initiated stream id. */
    public static final int STREAM_ID = 1;
    /** RFC 9113 section 3.4. */
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The initial flow-control window of RFC 9113 section 6.9.2. */
    public static final int DEFAULT_WINDOW_BYTES = 65_535;
    /** Windows may not pass 2^31-1 (section 6.9.1). */
    static final long MAX_WINDOW_BYTES = 0x7FFFFFFFL;
    /** Flood guard: frames of any kind the server may send before the final head. */
    public static final int MAX_FRAMES_BEFORE_HEAD = 100;
    /** Flood guard (CVE-2024-27316 and kin): CONTINUATION frames in one header block. */
    public static final int MAX_CONTINUATION_FRAMES = 32;
    /** The compressed header block may be this many times the header limit (HPACK rarely compresses worse). */
    public static final int HEADER_BLOCK_LIMIT_FACTOR = 4;

    private static final int SETTINGS_HEADER_TABLE_SIZE = 0x1;
    private static final int SETTINGS_ENABLE_PUSH = 0x2;
    private static final int SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
    private static final int SETTINGS_MAX_FRAME_SIZE = 0x5;
    private static final int MAX_FRAME_SIZE_CEILING = (1 << 24) - 1;

    /** Receives every decoded header block (interim, final, malformed, trailers), for evidence. */
    @FunctionalInterface
    public interface BlockSink {
        void block(List<Field> fields);
    }

    /** Receives the body's payload bytes (padding removed). */
    @FunctionalInterface
    public interface BodySink {
        void data(byte[] buf, int off, int len);
    }

    private final int headerLimitBytes;
    private final int maxHeaderBlockBytes;
    private final int receiveWindowBytes;
    private final BodySink sink;
    private BlockSink blocks = fields -> {};
    private final FrameParser parser = new FrameParser();
    private final Hpack.Decoder hpack = new Hpack.Decoder();
    private final ByteArrayOutputStream outgoing = new ByteArrayOutputStream();
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();
    private SessionState state = SessionState.AWAITING_SETTINGS;
    private boolean blockOpen;
    private boolean blockEndsStream;
    private int continuations;
    private int framesBeforeHead;
    private boolean responseFramesSeen;
    private long connectionSendWindow = DEFAULT_WINDOW_BYTES;
    private long streamSendWindow = DEFAULT_WINDOW_BYTES;
    private long peerInitialWindow = DEFAULT_WINDOW_BYTES;
    private long received;
    private long dataBytes;
    private int interimHeads;
    private int headerBytes;
    private DecodedHead head;
    private H2Failure failure;
    private String cutOff;
    private boolean gracefulGoAway;

    /**
     * @param headerLimitBytes   the edge's header limit, applied to the head measured as HTTP/1.1
     * @param receiveWindowBytes the window we grant (at least the initial 65535; the prober passes
     *                           its body limit, so flow control never stalls a probe before it)
     */
    public ClientSession(int headerLimitBytes, long receiveWindowBytes, BodySink sink) {
        this.headerLimitBytes = headerLimitBytes;
        this.maxHeaderBlockBytes =
                (int) Math.min(Integer.MAX_VALUE, (long) headerLimitBytes * HEADER_BLOCK_LIMIT_FACTOR);
        this.receiveWindowBytes = (int) Math.max(DEFAULT_WINDOW_BYTES, Math.min(MAX_WINDOW_BYTES, receiveWindowBytes));
        this.sink = sink;
    }

    /** Where decoded header blocks go (by default nowhere). */
    public ClientSession onHeaderBlock(BlockSink sink) {
        this.blocks = sink;
        return this;
    }

    /** The bytes that open the connection and send the request: write them first. */
    public byte[] start(List<Field> requestFields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(PREFACE);
        byte[] settings = receiveWindowBytes == DEFAULT_WINDOW_BYTES ? new byte[6] : new byte[12];
        setting(settings, 0, SETTINGS_ENABLE_PUSH, 0);
        if (settings.length == 12) {
            setting(settings, 6, SETTINGS_INITIAL_WINDOW_SIZE, receiveWindowBytes);
        }
        Frames.write(out, FrameType.SETTINGS, 0, 0, settings);
        if (receiveWindowBytes > DEFAULT_WINDOW_BYTES) {
            Frames.write(out, FrameType.WINDOW_UPDATE, 0, 0, Frames.u32(receiveWindowBytes - DEFAULT_WINDOW_BYTES));
        }
        Frames.writeHeaders(out, STREAM_ID, Hpack.encode(requestFields), true, FrameParser.DEFAULT_MAX_FRAME_BYTES);
        return out.toByteArray();
    }

    /** Feeds bytes read from the server; returns the state after them. */
    public SessionState feed(byte[] buf, int off, int len) {
        if (state.terminal()) {
            return state;
        }
        H2Failure f = parser.feed(buf, off, len, this::onFrame);
        if (f != null && !state.terminal()) {
            problem(f);
        }
        return state;
    }

    /** The server closed the connection (cleanly, at the TCP or TLS level). */
    public SessionState endOfStream() {
        if (state.terminal()) {
            return state;
        }
        H2Failure f = parser.endOfStream();
        if (f == null && blockOpen) {
            f = new H2Failure.ClosedInsideFrame(parser.bytesSeen(), "a header block (CONTINUATION expected)");
        }
        if (f == null && head == null) {
            f = responseFramesSeen
                    ? new H2Failure.ClosedInsideFrame(
                            parser.bytesSeen(), "the response (no final head after " + interimHeads + " interim heads)")
                    : new H2Failure.ClosedBeforeResponse(parser.bytesSeen());
        }
        if (f == null) {
            f = new H2Failure.ClosedInsideFrame(parser.bytesSeen(), "the body (no END_STREAM)");
        }
        problem(f);
        return state;
    }

    /** SETTINGS and PING acknowledgements owed to the server; empty when none. Write them promptly. */
    public byte[] drainOutgoing() {
        byte[] bytes = outgoing.toByteArray();
        outgoing.reset();
        return bytes;
    }

    /** GOAWAY(NO_ERROR): we are done with the connection and accepted no stream of the server's. */
    public static byte[] goAway() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(17);
        byte[] payload = new byte[8];
        Frames.write(out, FrameType.GOAWAY, 0, 0, payload);
        return out.toByteArray();
    }

    public SessionState state() {
        return state;
    }

    /** The final head, once the state is BODY or ENDED. */
    public DecodedHead head() {
        return head;
    }

    /** Why there is no head (state FAILED), else null. */
    public H2Failure failure() {
        return failure;
    }

    /** Why the body ended before END_STREAM (or short of content-length), else null. */
    public String bodyCutOff() {
        return cutOff;
    }

    /** DATA payload bytes of stream 1 so far. */
    public long dataBytes() {
        return dataBytes;
    }

    /** The head's HTTP/1.1-equivalent size: of the final head, or as far as it was counted. */
    public int headerBytes() {
        return headerBytes;
    }

    /** Every byte the server sent that was examined. */
    public long bytesSeen() {
        return parser.bytesSeen();
    }

    /** A GOAWAY(NO_ERROR) that accepted stream 1 came before the head. */
    public boolean gracefulGoAway() {
        return gracefulGoAway;
    }

    private boolean onFrame(Frame f) {
        if (head == null && ++framesBeforeHead > MAX_FRAMES_BEFORE_HEAD) {
            return problem(new H2Failure.ProtocolError(
                    ErrorCode.ENHANCE_YOUR_CALM,
                    "more than " + MAX_FRAMES_BEFORE_HEAD + " frames before the response head"));
        }
        if (state == SessionState.AWAITING_SETTINGS) {
            if (f.type() == FrameType.GOAWAY) {
                return goAwayFrame(f);
            }
            if (f.type() != FrameType.SETTINGS || f.has(FrameType.FLAG_ACK)) {
                return problem(protocol("the server's first frame is " + f + ", not SETTINGS"));
            }
        }
        if (blockOpen && f.type() != FrameType.CONTINUATION) {
            return problem(protocol(f + " inside a header block (CONTINUATION expected)"));
        }
        return switch (f.type()) {
            case FrameType.DATA -> dataFrame(f);
            case FrameType.HEADERS -> headersFrame(f);
            case FrameType.CONTINUATION -> continuationFrame(f);
            case FrameType.SETTINGS -> settingsFrame(f);
            case FrameType.PING -> pingFrame(f);
            case FrameType.GOAWAY -> goAwayFrame(f);
            case FrameType.RST_STREAM -> resetFrame(f);
            case FrameType.WINDOW_UPDATE -> windowUpdateFrame(f);
            case FrameType.PRIORITY -> priorityFrame(f);
            case FrameType.PUSH_PROMISE -> problem(protocol("PUSH_PROMISE although we set SETTINGS_ENABLE_PUSH to 0"));
            default -> true; // unknown frame types must be ignored (section 4.1)
        };
    }

    private boolean settingsFrame(Frame f) {
        if (f.streamId() != 0) {
            return problem(protocol("SETTINGS on stream " + f.streamId()));
        }
        byte[] p = f.payload();
        if (f.has(FrameType.FLAG_ACK)) {
            return p.length == 0 || problem(frameSize("SETTINGS ACK with " + p.length + " bytes of payload"));
        }
        if (p.length % 6 != 0) {
            return problem(frameSize("SETTINGS payload of " + p.length + " bytes is not a multiple of 6"));
        }
        for (int i = 0; i < p.length; i += 6) {
            int id = WireBytes.u16(p, i);
            long value = WireBytes.u32(p, i + 2);
            String bad = setting(id, value);
            if (bad != null) {
                long code =
                        id == SETTINGS_INITIAL_WINDOW_SIZE ? ErrorCode.FLOW_CONTROL_ERROR : ErrorCode.PROTOCOL_ERROR;
                return problem(new H2Failure.ProtocolError(code, "SETTINGS: " + bad));
            }
        }
        if (state == SessionState.AWAITING_SETTINGS) {
            go(SessionState.AWAITING_HEAD);
        }
        Frames.write(outgoing, FrameType.SETTINGS, FrameType.FLAG_ACK, 0, new byte[0]);
        return true;
    }

    /** Checks one setting and applies what concerns us; returns what is wrong with it, or null. */
    private String setting(int id, long value) {
        switch (id) {
            case SETTINGS_ENABLE_PUSH -> {
                if (value != 0) {
                    return "SETTINGS_ENABLE_PUSH " + value + " from a server (only 0 is allowed)";
                }
            }
            case SETTINGS_INITIAL_WINDOW_SIZE -> {
                if (value > MAX_WINDOW_BYTES) {
                    return "SETTINGS_INITIAL_WINDOW_SIZE " + value + " exceeds 2^31-1";
                }
                streamSendWindow += value - peerInitialWindow;
                peerInitialWindow = value;
            }
            case SETTINGS_MAX_FRAME_SIZE -> {
                if (value < FrameParser.DEFAULT_MAX_FRAME_BYTES || value > MAX_FRAME_SIZE_CEILING) {
                    return "SETTINGS_MAX_FRAME_SIZE " + value + " outside 16384-16777215";
                }
            }
            case SETTINGS_HEADER_TABLE_SIZE -> {
                // concerns the server's decoder; our one request block went out before this arrived
            }
            default -> {
                // MAX_CONCURRENT_STREAMS, MAX_HEADER_LIST_SIZE and unknown settings: nothing to do
            }
        }
        return null;
    }

    private boolean pingFrame(Frame f) {
        if (f.streamId() != 0) {
            return problem(protocol("PING on stream " + f.streamId()));
        }
        if (f.payload().length != 8) {
            return problem(frameSize("PING with " + f.payload().length + " bytes of payload (8 expected)"));
        }
        if (!f.has(FrameType.FLAG_ACK)) {
            Frames.write(outgoing, FrameType.PING, FrameType.FLAG_ACK, 0, f.payload());
        }
        return true;
    }

    private boolean goAwayFrame(Frame f) {
        if (f.streamId() != 0) {
            return problem(protocol("GOAWAY on stream " + f.streamId()));
        }
        byte[] p = f.payload();
        if (p.length < 8) {
            return problem(frameSize("GOAWAY with " + p.length + " bytes of payload (at least 8)"));
        }
        int lastStream = WireBytes.u31(p, 0);
        long code = WireBytes.u32(p, 4);
        boolean accepted = lastStream >= STREAM_ID;
        if (head == null) {
            if (code == ErrorCode.NO_ERROR && accepted) {
                gracefulGoAway = true;
                return true;
            }
            return problem(new H2Failure.GoAway(code, lastStream, WireBytes.excerpt(p, 8, p.length - 8)));
        }
        if (code == ErrorCode.NO_ERROR && accepted) {
            return true;
        }
        return problem(new H2Failure.GoAway(code, lastStream, WireBytes.excerpt(p, 8, p.length - 8)));
    }

    private boolean resetFrame(Frame f) {
        if (f.payload().length != 4) {
            return problem(frameSize("RST_STREAM with " + f.payload().length + " bytes of payload (4 expected)"));
        }
        if (f.streamId() != STREAM_ID) {
            return problem(protocol("RST_STREAM on stream " + f.streamId() + ", which we never opened"));
        }
        return problem(new H2Failure.StreamReset(WireBytes.u32(f.payload(), 0)));
    }

    private boolean windowUpdateFrame(Frame f) {
        if (f.payload().length != 4) {
            return problem(frameSize("WINDOW_UPDATE with " + f.payload().length + " bytes of payload (4 expected)"));
        }
        int increment = WireBytes.u31(f.payload(), 0);
        if (f.streamId() != 0 && f.streamId() != STREAM_ID) {
            return problem(protocol("WINDOW_UPDATE on stream " + f.streamId() + ", which we never opened"));
        }
        if (increment == 0) {
            return problem(protocol("WINDOW_UPDATE with an increment of 0 on stream " + f.streamId()));
        }
        long window = f.streamId() == 0 ? (connectionSendWindow += increment) : (streamSendWindow += increment);
        if (window > MAX_WINDOW_BYTES) {
            return problem(new H2Failure.ProtocolError(
                    ErrorCode.FLOW_CONTROL_ERROR,
                    "WINDOW_UPDATE takes the " + (f.streamId() == 0 ? "connection" : "stream 1") + " window to "
                            + window + ", over 2^31-1"));
        }
        return true;
    }

    private boolean priorityFrame(Frame f) {
        if (f.streamId() == 0) {
            return problem(protocol("PRIORITY on stream 0"));
        }
        return f.payload().length == 5
                || problem(frameSize("PRIORITY with " + f.payload().length + " bytes of payload (5 expected)"));
    }

    private boolean headersFrame(Frame f) {
        if (f.streamId() != STREAM_ID) {
            return problem(protocol("HEADERS on stream " + f.streamId() + ", which we never opened"));
        }
        responseFramesSeen = true;
        byte[] p = f.payload();
        int start = 0;
        int pad = 0;
        if (f.has(FrameType.FLAG_PADDED)) {
            if (p.length < 1) {
                return problem(frameSize("padded HEADERS without a pad length"));
            }
            pad = p[0] & 0xFF;
            start = 1;
        }
        if (f.has(FrameType.FLAG_PRIORITY)) {
            start += 5;
        }
        if (start + pad > p.length) {
            return problem(protocol("HEADERS padding and priority (" + (start + pad) + " bytes) exceed its " + p.length
                    + "-byte payload"));
        }
        block.reset();
        continuations = 0;
        blockEndsStream = f.has(FrameType.FLAG_END_STREAM);
        return appendBlock(p, start, p.length - start - pad, f.has(FrameType.FLAG_END_HEADERS));
    }

    private boolean continuationFrame(Frame f) {
        if (!blockOpen) {
            return problem(protocol("CONTINUATION without a header block in progress"));
        }
        if (f.streamId() != STREAM_ID) {
            return problem(protocol("CONTINUATION on stream " + f.streamId() + " inside stream 1's header block"));
        }
        if (++continuations > MAX_CONTINUATION_FRAMES) {
            return problem(new H2Failure.ProtocolError(
                    ErrorCode.ENHANCE_YOUR_CALM,
                    "more than " + MAX_CONTINUATION_FRAMES + " CONTINUATION frames in one header block"));
        }
        return appendBlock(f.payload(), 0, f.payload().length, f.has(FrameType.FLAG_END_HEADERS));
    }

    private boolean appendBlock(byte[] b, int off, int len, boolean endHeaders) {
        if (block.size() + len > maxHeaderBlockBytes) {
            return problem(new H2Failure.HeaderBlockTooLarge(maxHeaderBlockBytes, block.size() + len));
        }
        block.write(b, off, len);
        blockOpen = !endHeaders;
        return blockOpen || headerBlock();
    }

    /** A complete header block: an interim head, the final head, or trailers. */
    private boolean headerBlock() {
        Hpack.Decoded d = hpack.decode(block.toByteArray(), DecodedHead.STATUS_LINE_BYTES, headerLimitBytes);
        block.reset();
        if (d.failure() != null) {
            return problem(d.failure());
        }
        if (!d.fields().isEmpty()) {
            blocks.block(d.fields());
        }
        if (head != null) { // trailers
            if (!blockEndsStream) {
                return problem(new H2Failure.MalformedResponse("trailers without END_STREAM"));
            }
            return endStream();
        }
        headerBytes = d.http1Bytes();
        if (d.overLimit()) {
            return problem(new H2Failure.HeadersTooLarge(headerLimitBytes, d.http1Bytes()));
        }
        String[] why = new String[1];
        int status = ResponseHeads.check(d.fields(), why);
        if (status < 0) {
            return problem(new H2Failure.MalformedResponse(why[0]));
        }
        if (status < 200) {
            if (blockEndsStream) {
                return problem(new H2Failure.MalformedResponse("interim head :status " + status + " ends the stream"));
            }
            interimHeads++;
            return true;
        }
        List<Field> regular =
                d.fields().stream().filter(x -> !x.name().startsWith(":")).toList();
        if (regular.isEmpty()) {
            return problem(new H2Failure.NoHeaderFields(status));
        }
        head = new DecodedHead(status, regular, d.http1Bytes(), blockEndsStream);
        if (blockEndsStream) {
            go(SessionState.ENDED);
            return false;
        }
        go(SessionState.BODY);
        return true;
    }

    private boolean dataFrame(Frame f) {
        if (f.streamId() != STREAM_ID) {
            return problem(protocol("DATA on stream " + f.streamId() + ", which we never opened"));
        }
        if (head == null) {
            responseFramesSeen = true;
            return problem(new H2Failure.MalformedResponse("DATA before the response head"));
        }
        byte[] p = f.payload();
        received += p.length;
        if (received > receiveWindowBytes) {
            return problem(new H2Failure.ProtocolError(
                    ErrorCode.FLOW_CONTROL_ERROR, "DATA beyond the " + receiveWindowBytes + "-byte window we granted"));
        }
        int start = 0;
        int pad = 0;
        if (f.has(FrameType.FLAG_PADDED)) {
            if (p.length < 1) {
                return problem(frameSize("padded DATA without a pad length"));
            }
            pad = p[0] & 0xFF;
            start = 1;
            if (start + pad > p.length) {
                return problem(protocol("DATA padding of " + pad + " bytes exceeds its " + p.length + "-byte payload"));
            }
        }
        int n = p.length - start - pad;
        dataBytes += n;
        sink.data(p, start, n);
        return !f.has(FrameType.FLAG_END_STREAM) || endStream();
    }

    /**
     * 1 to 18 ASCII digits (fits a long). A loop, not {@code String.matches}: that compiles a
     * pattern on every call, and this runs once per h2 probe (the bench's JFR profile showed it).
     */
    private static boolean isDecimal(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** END_STREAM after the head: the body is complete unless it is shorter than content-length. */
    private boolean endStream() {
        for (Field cl : head.fields()) {
            if (cl.name().equals("content-length")) {
                if (isDecimal(cl.value()) && Long.parseLong(cl.value()) > dataBytes) {
                    cutOff = "END_STREAM after " + dataBytes + " of " + cl.value() + " content-length bytes";
                }
                break;
            }
        }
        go(SessionState.ENDED);
        return false;
    }

    /**
     * A failure: before the head it decides the probe (FAILED); after it, it only cuts the body off
     * (ENDED). Returns false so that the parser stops.
     */
    private boolean problem(H2Failure f) {
        if (state.terminal()) {
            return false;
        }
        if (head == null) {
            failure = f;
            go(SessionState.FAILED);
        } else {
            cutOff = f.describe();
            go(SessionState.ENDED);
        }
        return false;
    }

    private void go(SessionState next) {
        if (!state.canGoTo(next)) {
            throw new IllegalStateException("session bug: " + state + " -> " + next);
        }
        state = next;
    }

    private static H2Failure protocol(String reason) {
        return new H2Failure.ProtocolError(ErrorCode.PROTOCOL_ERROR, reason);
    }

    private static H2Failure frameSize(String reason) {
        return new H2Failure.ProtocolError(ErrorCode.FRAME_SIZE_ERROR, reason);
    }

    private static void setting(byte[] b, int off, int id, long value) {
        b[off] = (byte) (id >>> 8);
        b[off + 1] = (byte) id;
        WireBytes.put32(b, off + 2, value);
    }
}
