package io.originwatch.http2;

import java.io.ByteArrayOutputStream;

/** Writes frames: for our side of the connection and for the lab's misbehaving servers. */
public final class Frames {

    private Frames() {}

    /** One frame: the 9-byte header, then {@code payload}. */
    public static void write(ByteArrayOutputStream out, int type, int flags, int streamId, byte[] payload) {
        int n = payload.length;
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(type);
        out.write(flags);
        byte[] id = u32(streamId & 0x7FFFFFFFL);
        out.write(id, 0, 4);
        out.write(payload, 0, n);
    }

    /** One frame as bytes. */
    public static byte[] frame(int type, int flags, int streamId, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(FrameParser.HEADER_BYTES + payload.length);
        write(out, type, flags, streamId, payload);
        return out.toByteArray();
    }

    /**
     * A header block as HEADERS plus as many CONTINUATION frames as {@code maxFrameBytes} needs;
     * END_STREAM on the HEADERS frame when {@code endStream}.
     */
    public static void writeHeaders(
            ByteArrayOutputStream out, int streamId, byte[] block, boolean endStream, int maxFrameBytes) {
        int off = 0;
        boolean first = true;
        do {
            int n = Math.min(maxFrameBytes, block.length - off);
            boolean last = off + n == block.length;
            byte[] part = java.util.Arrays.copyOfRange(block, off, off + n);
            int flags = (last ? FrameType.FLAG_END_HEADERS : 0) | (first && endStream ? FrameType.FLAG_END_STREAM : 0);
            write(out, first ? FrameType.HEADERS : FrameType.CONTINUATION, flags, streamId, part);
            off += n;
            first = false;
        } while (off < block.length);
    }

    /** A 4-byte big-endian value. */
    public static byte[] u32(long v) {
        byte[] b = new byte[4];
        WireBytes.put32(b, 0, v);
        return b;
    }

    /** A GOAWAY or RST_STREAM-style payload: {@code lastStreamId} and {@code errorCode}, then debug bytes. */
    public static byte[] goAwayPayload(int lastStreamId, long errorCode, String debug) {
        byte[] d = debug.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] p = new byte[8 + d.length];
        WireBytes.put32(p, 0, lastStreamId & 0x7FFFFFFFL);
        WireBytes.put32(p, 4, errorCode);
        System.arraycopy(d, 0, p, 8, d.length);
        return p;
    }
}
