package io.originwatch.http2;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * HPACK (RFC 7541) through Netty's codec-http2, the one place that library is used. Netty's
 * decoder is used with its own header validation off: it would report an uppercase name, a
 * connection-specific field or a pseudo-field out of order as a PROTOCOL_ERROR, and it stores
 * pseudo-fields first, losing the order. Our {@link ResponseHeads} judges the fields, in wire
 * order, as RFC 9113 says a response must be; Netty only decodes (Huffman, static and dynamic
 * tables, size updates), and any error it reports is a COMPRESSION_ERROR.
 *
 * <p>Memory is bounded without Netty's header-list limit: the recorder below stops keeping fields
 * once their HTTP/1.1-equivalent size passes the header limit, and each decoded string is bounded
 * by the header block (itself bounded by the session) or by the 4 KiB dynamic table.
 */
public final class Hpack {

    /** Netty's own list-size check is not used: the recorder bounds memory (see the class comment). */
    private static final long NO_LIST_LIMIT = 0xFFFFFFFFL;

    private Hpack() {}

    /**
     * What one header block decoded to: the fields (empty when over the limit or failed), their
     * HTTP/1.1-equivalent size including the status line and the empty line (when over the limit,
     * through the first field that passed it), and the HPACK failure if decoding failed.
     */
    record Decoded(List<Field> fields, int http1Bytes, boolean overLimit, H2Failure failure) {}

    /** The decoder of one connection: its dynamic table carries over from block to block. */
    static final class Decoder {
        private final Recorder recorder = new Recorder();
        private final DefaultHttp2HeadersDecoder netty = new DefaultHttp2HeadersDecoder(false, NO_LIST_LIMIT) {
            @Override
            protected Http2Headers newHeaders() {
                return recorder;
            }
        };

        /**
         * Decodes {@code block}; fields are kept until their HTTP/1.1-equivalent size, counted from
         * {@code startBytes} (the status line), passes {@code limitBytes}.
         */
        Decoded decode(byte[] block, int startBytes, int limitBytes) {
            recorder.reset(startBytes, limitBytes);
            try {
                netty.decodeHeaders(ClientSession.STREAM_ID, Unpooled.wrappedBuffer(block));
            } catch (Http2Exception e) {
                return new Decoded(
                        List.of(),
                        recorder.bytes,
                        false,
                        new H2Failure.ProtocolError(
                                ErrorCode.COMPRESSION_ERROR,
                                "HPACK could not decode the header block: " + e.getMessage()));
            } catch (RuntimeException e) {
                return new Decoded(
                        List.of(),
                        recorder.bytes,
                        false,
                        new H2Failure.ProtocolError(
                                ErrorCode.COMPRESSION_ERROR, "HPACK could not decode the header block: " + e));
            }
            return new Decoded(
                    List.copyOf(recorder.fields), recorder.bytes + DecodedHead.END_BYTES, recorder.overLimit, null);
        }
    }

    /**
     * Receives Netty's decoded fields in wire order, instead of storing them in a header map.
     * Counts every field's HTTP/1.1-equivalent bytes; keeps fields only while within the limit.
     */
    private static final class Recorder extends DefaultHttp2Headers {
        private final List<Field> fields = new ArrayList<>();
        private int bytes;
        private int limit;
        private boolean overLimit;

        Recorder() {
            super(false);
        }

        void reset(int startBytes, int limitBytes) {
            fields.clear();
            bytes = startBytes;
            limit = limitBytes;
            overLimit = false;
        }

        @Override
        public Http2Headers add(CharSequence name, CharSequence value) {
            if (overLimit) {
                return this;
            }
            Field f = new Field(name.toString(), value.toString());
            if (!f.name().startsWith(":")) {
                bytes += f.http1Bytes();
            }
            if (bytes + DecodedHead.END_BYTES > limit) {
                overLimit = true;
                fields.clear();
                return this;
            }
            fields.add(f);
            return this;
        }
    }

    /**
     * Encodes {@code fields} exactly in the given order and case, each as a literal without
     * indexing and without Huffman (RFC 7541 section 6.2.2): for lab origins whose heads are
     * malformed on purpose (a pseudo-field after a regular one, an uppercase name), which an
     * ordinary encoder would reorder or refuse.
     */
    public static byte[] encodeLiteral(List<Field> fields) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Field f : fields) {
            out.write(0x00);
            literal(out, f.name());
            literal(out, f.value());
        }
        return out.toByteArray();
    }

    private static void literal(java.io.ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int n = b.length;
        if (n < 127) {
            out.write(n);
        } else {
            out.write(127);
            n -= 127;
            while (n >= 128) {
                out.write((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            out.write(n);
        }
        out.write(b, 0, b.length);
    }

    /**
     * HPACK-encodes {@code fields} in order (pseudo-fields first, names lower-case), for our request
     * and for the lab's responses. Names are not validated: the lab sends malformed heads on purpose.
     */
    public static byte[] encode(List<Field> fields) {
        Http2Headers headers = new DefaultHttp2Headers(false);
        for (Field f : fields) {
            headers.add(f.name(), f.value());
        }
        DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.NEVER_SENSITIVE, false);
        ByteBuf out = Unpooled.buffer(256);
        try {
            encoder.encodeHeaders(ClientSession.STREAM_ID, headers, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } catch (Http2Exception e) {
            throw new IllegalArgumentException("cannot HPACK-encode " + fields + ": " + e.getMessage(), e);
        } finally {
            out.release();
        }
    }
}
