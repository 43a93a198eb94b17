package io.originwatch.http2;

/** Error codes of RFC 9113 section 7, by name, for RST_STREAM and GOAWAY. */
public final class ErrorCode {

    public static final int NO_ERROR = 0x0;
    public static final int PROTOCOL_ERROR = 0x1;
    public static final int INTERNAL_ERROR = 0x2;
    public static final int FLOW_CONTROL_ERROR = 0x3;
    public static final int FRAME_SIZE_ERROR = 0x6;
    public static final int REFUSED_STREAM = 0x7;
    public static final int CANCEL = 0x8;
    public static final int COMPRESSION_ERROR = 0x9;
    public static final int ENHANCE_YOUR_CALM = 0xb;
    public static final int HTTP_1_1_REQUIRED = 0xd;

    private static final String[] NAMES = {
        "NO_ERROR",
        "PROTOCOL_ERROR",
        "INTERNAL_ERROR",
        "FLOW_CONTROL_ERROR",
        "SETTINGS_TIMEOUT",
        "STREAM_CLOSED",
        "FRAME_SIZE_ERROR",
        "REFUSED_STREAM",
        "CANCEL",
        "COMPRESSION_ERROR",
        "CONNECT_ERROR",
        "ENHANCE_YOUR_CALM",
        "INADEQUATE_SECURITY",
        "HTTP_1_1_REQUIRED"
    };

    private ErrorCode() {}

    /** {@code HTTP_1_1_REQUIRED}, or {@code 0x2a} for a code RFC 9113 does not define. */
    public static String name(long code) {
        return code >= 0 && code < NAMES.length ? NAMES[(int) code] : String.format("0x%x", code);
    }
}
