package io.originwatch.http2;

import java.util.Objects;

/**
 * Push parser that cuts the server's bytes into frames. Feed it bytes as they arrive; it hands each
 * complete frame to a {@link Handler} and stops when the handler says so.
 *
 * <p>Lifecycle:
 * <ol>
 * <li>HEADER: collect the 9-byte frame header. On the very first frame of the connection, the
 *     bytes {@code HTTP/} at offset 0 are an HTTP/1.x answer, not a frame: go to HTTP1_LINE.</li>
 * <li>At the header's last byte the length is checked against {@link #maxFrameBytes} (ours, as
 *     advertised in SETTINGS_MAX_FRAME_SIZE; we keep the default 16384): a larger frame fails there
 *     with FRAME_SIZE_ERROR, before any of its payload is stored.</li>
 * <li>PAYLOAD: collect exactly {@code length} bytes, then hand the frame over and go back to HEADER.</li>
 * <li>HTTP1_LINE: collect the first line (through LF, at most {@link #HTTP1_EXCERPT_BYTES} bytes, or
 *     to the end of the stream) for the failure's excerpt, then fail with {@link H2Failure.SpokeHttp1}.</li>
 * <li>End of stream between frames is clean (the session decides what it means); inside a frame
 *     header or payload it is {@link H2Failure.ClosedInsideFrame}.</li>
 * </ol>
 * A failure is terminal: later calls return it and read nothing. The outcome never depends on how
 * the bytes were split (tests replay every scenario at every fragment size).
 */
public final class FrameParser {

    /** The frame header: 24-bit length, type, flags, 31-bit stream id. */
    public static final int HEADER_BYTES = 9;
    /** SETTINGS_MAX_FRAME_SIZE's initial value, which we never raise: 16 KiB of payload. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16_384;
    /** How much of an HTTP/1.x answer is kept for the failure's excerpt. */
    static final int HTTP1_EXCERPT_BYTES = 120;

    private static final byte[] HTTP1_PREFIX = {'H', 'T', 'T', 'P', '/'};

    /** Receives each complete frame; returns false to stop parsing (the rest is not read). */
    @FunctionalInterface
    public interface Handler {
        boolean frame(Frame frame);
    }

    private enum State {
        HEADER,
        PAYLOAD,
        HTTP1_LINE,
        STOPPED,
        FAILED
    }

    private final int maxFrameBytes;
    private final byte[] header = new byte[HEADER_BYTES];
    private State state = State.HEADER;
    private int headerFill;
    private byte[] payload;
    private int payloadFill;
    private int type;
    private int flags;
    private int streamId;
    private boolean firstFrame = true;
    private long bytesSeen;
    private long framesSeen;
    private final byte[] http1Line = new byte[HTTP1_EXCERPT_BYTES];
    private int http1Fill;
    private H2Failure failure;

    public FrameParser() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    public FrameParser(int maxFrameBytes) {
        if (maxFrameBytes < DEFAULT_MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes below RFC 9113's minimum 16384: " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Feeds the next chunk; returns the failure it caused (also on later calls), or null. */
    public H2Failure feed(byte[] buf, int off, int len, Handler handler) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int i = 0;
        while (i < len && state != State.FAILED && state != State.STOPPED) {
            i += switch (state) {
                case HEADER -> headerBytes(buf, off + i, len - i, handler);
                case PAYLOAD -> payloadBytes(buf, off + i, len - i, handler);
                case HTTP1_LINE -> http1Bytes(buf, off + i, len - i);
                default -> len - i;
            };
        }
        return failure;
    }

    /** The peer closed; returns the failure that makes (inside a frame), or null when clean. */
    public H2Failure endOfStream() {
        if (failure != null || state == State.STOPPED) {
            return failure;
        }
        return switch (state) {
            case HTTP1_LINE -> fail(spokeHttp1());
            case PAYLOAD ->
                fail(new H2Failure.ClosedInsideFrame(bytesSeen, "the payload of a " + FrameType.name(type) + " frame"));
            case HEADER -> headerFill == 0 ? null : fail(new H2Failure.ClosedInsideFrame(bytesSeen, "a frame header"));
            default -> failure;
        };
    }

    /** Every byte examined so far. */
    public long bytesSeen() {
        return bytesSeen;
    }

    /** Complete frames handed over so far. */
    public long framesSeen() {
        return framesSeen;
    }

    private int headerBytes(byte[] buf, int off, int len, Handler handler) {
        int take = Math.min(len, HEADER_BYTES - headerFill);
        for (int k = 0; k < take; k++) {
            header[headerFill++] = buf[off + k];
            bytesSeen++;
            if (firstFrame && headerFill == HTTP1_PREFIX.length && startsHttp1()) {
                System.arraycopy(header, 0, http1Line, 0, headerFill);
                http1Fill = headerFill;
                state = State.HTTP1_LINE;
                return k + 1;
            }
        }
        if (headerFill < HEADER_BYTES) {
            return take;
        }
        int length = WireBytes.u24(header, 0);
        type = header[3] & 0xFF;
        flags = header[4] & 0xFF;
        streamId = WireBytes.u31(header, 5);
        headerFill = 0;
        if (length > maxFrameBytes) {
            fail(new H2Failure.ProtocolError(
                    ErrorCode.FRAME_SIZE_ERROR,
                    FrameType.name(type) + " frame of " + length + " bytes exceeds the maximum frame size "
                            + maxFrameBytes));
            return take;
        }
        payload = new byte[length];
        payloadFill = 0;
        if (length == 0) {
            deliver(handler);
        } else {
            state = State.PAYLOAD;
        }
        return take;
    }

    private int payloadBytes(byte[] buf, int off, int len, Handler handler) {
        int take = Math.min(len, payload.length - payloadFill);
        System.arraycopy(buf, off, payload, payloadFill, take);
        payloadFill += take;
        bytesSeen += take;
        if (payloadFill == payload.length) {
            deliver(handler);
        }
        return take;
    }

    private void deliver(Handler handler) {
        firstFrame = false;
        framesSeen++;
        Frame frame = new Frame(type, flags, streamId, payload);
        payload = null;
        state = State.HEADER;
        if (!handler.frame(frame)) {
            state = State.STOPPED;
        }
    }

    private int http1Bytes(byte[] buf, int off, int len) {
        for (int k = 0; k < len; k++) {
            byte b = buf[off + k];
            bytesSeen++;
            if (b == '\n' || b == '\r') {
                fail(spokeHttp1());
                return k + 1;
            }
            http1Line[http1Fill++] = b;
            if (http1Fill == HTTP1_EXCERPT_BYTES) {
                fail(spokeHttp1());
                return k + 1;
            }
        }
        return len;
    }

    private boolean startsHttp1() {
        for (int k = 0; k < HTTP1_PREFIX.length; k++) {
            if (header[k] != HTTP1_PREFIX[k]) {
                return false;
            }
        }
        return true;
    }

    private H2Failure spokeHttp1() {
        return new H2Failure.SpokeHttp1(WireBytes.excerpt(http1Line, 0, http1Fill));
    }

    private H2Failure fail(H2Failure f) {
        failure = f;
        state = State.FAILED;
        return f;
    }
}
