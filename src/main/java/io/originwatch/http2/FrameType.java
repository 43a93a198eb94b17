package io.originwatch.http2;

/** Frame types and flags of RFC 9113 section 6, as the wire numbers them. */
public final class FrameType {

    public static final int DATA = 0x0;
    public static final int HEADERS = 0x1;
    public static final int PRIORITY = 0x2;
    public static final int RST_STREAM = 0x3;
    public static final int SETTINGS = 0x4;
    public static final int PUSH_PROMISE = 0x5;
    public static final int PING = 0x6;
    public static final int GOAWAY = 0x7;
    public static final int WINDOW_UPDATE = 0x8;
    public static final int CONTINUATION = 0x9;

    /** DATA, HEADERS: the last frame of the stream from this side. */
    public static final int FLAG_END_STREAM = 0x1;
    /** SETTINGS, PING: an acknowledgement (same bit as END_STREAM). */
    public static final int FLAG_ACK = 0x1;
    /** HEADERS, CONTINUATION: the header block ends here. */
    public static final int FLAG_END_HEADERS = 0x4;
    /** DATA, HEADERS: a pad length byte leads the payload. */
    public static final int FLAG_PADDED = 0x8;
    /** HEADERS: 5 bytes of priority follow the pad length. */
    public static final int FLAG_PRIORITY = 0x20;

    private FrameType() {}

    /** {@code HEADERS}, or {@code 0x1a} for a type RFC 9113 does not define. */
    public static String name(int type) {
        return switch (type) {
            case DATA -> "DATA";
            case HEADERS -> "HEADERS";
            case PRIORITY -> "PRIORITY";
            case RST_STREAM -> "RST_STREAM";
            case SETTINGS -> "SETTINGS";
            case PUSH_PROMISE -> "PUSH_PROMISE";
            case PING -> "PING";
            case GOAWAY -> "GOAWAY";
            case WINDOW_UPDATE -> "WINDOW_UPDATE";
            case CONTINUATION -> "CONTINUATION";
            default -> String.format("0x%02x", type);
        };
    }
}
