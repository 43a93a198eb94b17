package io.originwatch.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One kept HAR. The document itself is held as gzip-compressed JSON (headers and bodies compress
 * several-fold, and thousands of origins keep up to four each); {@code summary} keeps the entry's
 * verdict and facts without headers and body, for the support summary and the API.
 *
 * @param summary    the HAR without request/response headers and body text ({@link Har#slim()})
 * @param gzipJson   the complete HAR as served, gzip-compressed UTF-8 JSON
 * @param probedAt   when the probe started
 * @param cause      the cause label
 * @param up         the verdict was healthy
 */
public record Captured(Har summary, byte[] gzipJson, Instant probedAt, String cause, boolean up) {

    /** Keeps {@code json} (the serialized {@code har}) compressed and {@code har} slimmed. */
    public static Captured of(Har har, byte[] json, Instant probedAt, String cause, boolean up) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream gz = fastGzip(out)) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory gzip cannot fail", e);
        }
        return new Captured(har.slim(), out.toByteArray(), probedAt, cause, up);
    }

    /** Fastest level: every probe result is compressed, and HAR text still shrinks several-fold. */
    private static GZIPOutputStream fastGzip(ByteArrayOutputStream out) throws IOException {
        return new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** The HAR as served: UTF-8 JSON. */
    public byte[] json() {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipJson))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory gunzip of our own bytes cannot fail", e);
        }
    }

    /** The one entry's summary. */
    public Har.Entry entry() {
        return summary.log().entries().get(0);
    }
}
