package io.originwatch.http2;

/** Big-endian reads and writes, and the escaping used in failure messages. */
final class WireBytes {

    /** Excerpts in messages are cut to about this many characters. */
    static final int MAX_EXCERPT_CHARS = 120;

    private WireBytes() {}

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    static int u24(byte[] b, int off) {
        return (b[off] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF);
    }

    static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24
                        | (b[off + 1] & 0xFF) << 16
                        | (b[off + 2] & 0xFF) << 8
                        | (b[off + 3] & 0xFF))
                & 0xFFFFFFFFL;
    }

    /** A 31-bit stream id or window increment (the reserved top bit cleared). */
    static int u31(byte[] b, int off) {
        return (int) (u32(b, off) & 0x7FFFFFFFL);
    }

    static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** Printable ASCII as is; anything else (and quote, backslash) as {@code \xNN}; cut with "...". */
    static String excerpt(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(Math.min(len, MAX_EXCERPT_CHARS) + 8);
        for (int i = 0; i < len && sb.length() < MAX_EXCERPT_CHARS; i++) {
            int c = b[off + i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        if (sb.length() >= MAX_EXCERPT_CHARS) {
            sb.append("...");
        }
        return sb.toString();
    }

    static String excerpt(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return excerpt(b, 0, b.length);
    }
}
