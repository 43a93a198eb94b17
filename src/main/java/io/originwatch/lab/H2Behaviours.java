package io.originwatch.lab;

import io.originwatch.http2.ErrorCode;
import io.originwatch.http2.Field;
import io.originwatch.http2.FrameParser;
import io.originwatch.http2.FrameType;
import io.originwatch.http2.Frames;
import io.originwatch.http2.Hpack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's HTTP/2 origins (TLS with ALPN h2): each reads the client's preface and request, then
 * sends a scripted sequence of frames, then reads until the client closes (so that closing never
 * turns into a reset). The frames are built here with the same frame writer and HPACK the prober
 * reads them with, or, for malformed heads, with literal HPACK that keeps order and case.
 */
final class H2Behaviours {

    /** The client preface's fixed part (RFC 9113 section 3.4). */
    static final int PREFACE_BYTES = 24;
    /** Bound on what the lab reads of a client's opening: probes send a few hundred bytes. */
    static final int MAX_OPENING_BYTES = 64 * 1024;

    private H2Behaviours() {}

    /** Script builder: frames in the order the server sends them. */
    static final class Script {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Script settings() {
            Frames.write(out, FrameType.SETTINGS, 0, 0, new byte[0]);
            return this;
        }

        Script head(int status, boolean endStream, String... nameValues) {
            List<Field> fields = new ArrayList<>();
            fields.add(new Field(":status", Integer.toString(status)));
            fields.addAll(pairs(nameValues));
            return block(Hpack.encode(fields), endStream);
        }

        /** A head with the fields exactly as given: order and case kept. */
        Script literalHead(String... nameValues) {
            return block(Hpack.encodeLiteral(pairs(nameValues)), false);
        }

        Script data(String text, boolean endStream) {
            Frames.write(
                    out,
                    FrameType.DATA,
                    endStream ? FrameType.FLAG_END_STREAM : 0,
                    1,
                    text.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Script ping() {
            Frames.write(out, FrameType.PING, 0, 0, new byte[8]);
            return this;
        }

        Script goAway(int lastStream, int code, String debug) {
            Frames.write(out, FrameType.GOAWAY, 0, 0, Frames.goAwayPayload(lastStream, code, debug));
            return this;
        }

        Script reset(int code) {
            Frames.write(out, FrameType.RST_STREAM, 0, 1, Frames.u32(code));
            return this;
        }

        private Script block(byte[] block, boolean endStream) {
            Frames.writeHeaders(out, 1, block, endStream, FrameParser.DEFAULT_MAX_FRAME_BYTES);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private static List<Field> pairs(String... nameValues) {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < nameValues.length; i += 2) {
                fields.add(new Field(nameValues[i], nameValues[i + 1]));
            }
            return fields;
        }
    }

    static Script script() {
        return new Script();
    }

    /** The lab's ordinary 200 over h2, with the body of the HTTP/1.1 ok origins. */
    static Script okResponse(Script s) {
        return s.head(200, false, "server", "originwatch-lab", "content-type", "text/plain", "content-length", "13")
                .data("hello, world\n", true);
    }

    /** Reads the client's opening, sends {@code script}, then reads until the client closes. */
    static Behaviour respond(Script script) {
        byte[] bytes = script.bytes();
        return socket -> {
            InputStream in = socket.getInputStream();
            readOpening(in);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            drain(in);
        };
    }

    /** Answers the h2 preface as an HTTP/1.1-only server does once ALPN said h2: with a 400. */
    static Behaviour http1AfterH2Selected() {
        byte[] reply = ("HTTP/1.1 400 Bad Request\r\nServer: originwatch-lab\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return socket -> {
            InputStream in = socket.getInputStream();
            in.readNBytes(PREFACE_BYTES);
            socket.getOutputStream().write(reply);
            socket.getOutputStream().flush();
            drain(in);
        };
    }

    /** Reads the preface and the client's frames through the end of its request's header block. */
    static void readOpening(InputStream in) throws IOException {
        byte[] preface = in.readNBytes(PREFACE_BYTES);
        if (preface.length < PREFACE_BYTES) {
            return;
        }
        FrameParser frames = new FrameParser();
        boolean[] done = new boolean[1];
        byte[] buf = new byte[4096];
        long read = 0;
        while (!done[0] && read < MAX_OPENING_BYTES) {
            int n = in.read(buf);
            if (n < 0) {
                return;
            }
            read += n;
            if (frames.feed(buf, 0, n, f -> {
                        done[0] = (f.type() == FrameType.HEADERS || f.type() == FrameType.CONTINUATION)
                                && f.has(FrameType.FLAG_END_HEADERS);
                        return !done[0];
                    })
                    != null) {
                return;
            }
        }
    }

    /** Reads and discards until the peer closes. */
    static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // the prober's SETTINGS ACK, GOAWAY, then close_notify
        }
    }

    /** GOAWAY with an error before any response: stream 1 not processed. */
    static Script goAwayBeforeResponse() {
        return script().settings().goAway(0, ErrorCode.PROTOCOL_ERROR, "originwatch-lab refuses");
    }
}
