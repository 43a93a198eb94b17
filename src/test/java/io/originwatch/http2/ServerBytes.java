package io.originwatch.http2;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Builds what a server sends, frame by frame, for the session and parser tests. */
final class ServerBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static ServerBytes server() {
        return new ServerBytes();
    }

    /** The server preface: an empty SETTINGS. */
    ServerBytes settings() {
        return frame(FrameType.SETTINGS, 0, 0, new byte[0]);
    }

    ServerBytes settings(int id, long value) {
        byte[] p = new byte[6];
        p[0] = (byte) (id >>> 8);
        p[1] = (byte) id;
        WireBytes.put32(p, 2, value);
        return frame(FrameType.SETTINGS, 0, 0, p);
    }

    ServerBytes frame(int type, int flags, int stream, byte[] payload) {
        Frames.write(out, type, flags, stream, payload);
        return this;
    }

    /** A HEADERS frame with END_HEADERS, {@code :status} first, then name/value pairs. */
    ServerBytes head(int status, boolean endStream, String... nameValues) {
        return block(Hpack.encode(fields(":status", Integer.toString(status), nameValues)), endStream);
    }

    /** A HEADERS frame with the fields exactly as given (literal encoding: order and case kept). */
    ServerBytes literalHead(boolean endStream, String... nameValues) {
        return block(Hpack.encodeLiteral(fields(null, null, nameValues)), endStream);
    }

    ServerBytes block(byte[] block, boolean endStream) {
        int flags = FrameType.FLAG_END_HEADERS | (endStream ? FrameType.FLAG_END_STREAM : 0);
        return frame(FrameType.HEADERS, flags, 1, block);
    }

    ServerBytes data(String text, boolean endStream) {
        return frame(FrameType.DATA, endStream ? FrameType.FLAG_END_STREAM : 0, 1, text.getBytes());
    }

    ServerBytes ping(long value) {
        byte[] p = new byte[8];
        WireBytes.put32(p, 4, value);
        return frame(FrameType.PING, 0, 0, p);
    }

    ServerBytes goAway(int lastStream, int code, String debug) {
        return frame(FrameType.GOAWAY, 0, 0, Frames.goAwayPayload(lastStream, code, debug));
    }

    ServerBytes reset(int stream, int code) {
        return frame(FrameType.RST_STREAM, 0, stream, Frames.u32(code));
    }

    ServerBytes raw(String latin1) {
        out.writeBytes(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static List<Field> fields(String firstName, String firstValue, String... nameValues) {
        List<Field> fields = new ArrayList<>();
        if (firstName != null) {
            fields.add(new Field(firstName, firstValue));
        }
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(new Field(nameValues[i], nameValues[i + 1]));
        }
        return fields;
    }
}
