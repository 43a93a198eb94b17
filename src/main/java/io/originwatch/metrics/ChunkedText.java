package io.originwatch.metrics;

import java.io.IOException;
import java.io.Writer;

/**
 * The scrape page on its way out: text collects in one reused buffer and leaves in chunks of about
 * {@link #CHUNK_CHARS} characters, so the page is never held whole (at 100,000 origins it is
 * about 90 MB). A {@link Writer} for the Prometheus client's own text writer; {@link #text()} for
 * the series written directly.
 */
final class ChunkedText extends Writer {

    /** Where each chunk goes; it must be done with the characters when it returns. */
    @FunctionalInterface
    interface ChunkOutput {
        void write(CharSequence chunk) throws IOException;
    }

    static final int CHUNK_CHARS = 32 * 1024;

    private final StringBuilder text = new StringBuilder(CHUNK_CHARS + 1024);
    private final ChunkOutput out;

    ChunkedText(ChunkOutput out) {
        this.out = out;
    }

    /** The buffer to append to; call {@link #endOfLine()} after each line. */
    StringBuilder text() {
        return text;
    }

    /** Sends the buffer once it holds a chunk's worth. */
    void endOfLine() throws IOException {
        if (text.length() >= CHUNK_CHARS) {
            flush();
        }
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        text.append(chars, off, len);
        endOfLine();
    }

    @Override
    public void write(String s) throws IOException {
        text.append(s);
        endOfLine();
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        text.append(s, off, off + len);
        endOfLine();
    }

    @Override
    public void write(int c) throws IOException {
        text.append((char) c);
        endOfLine();
    }

    @Override
    public Writer append(CharSequence s) throws IOException {
        text.append(s);
        endOfLine();
        return this;
    }

    @Override
    public Writer append(char c) throws IOException {
        text.append(c);
        endOfLine();
        return this;
    }

    @Override
    public void flush() throws IOException {
        if (!text.isEmpty()) {
            out.write(text);
            text.setLength(0);
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
