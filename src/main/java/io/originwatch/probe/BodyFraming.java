package io.originwatch.probe;

import io.originwatch.http1.ResponseHead;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 message framing to tell whether a body ended where it should: a
 * Content-Length count, chunked framing (sizes, CRLFs, trailers, the last chunk) or "until close".
 * Payload bytes are counted; a {@link BodyCapture} keeps the first of them for evidence.
 */
final class BodyFraming {

    /** Compiled once: every response with a body is framed here. */

    /** Framing states, in order of a chunked body's life. */
    private enum State {
        SIZE,
        EXTENSION,
        SIZE_LF,
        DATA,
        DATA_CR,
        DATA_LF,
        TRAILER_START,
        TRAILER,
        TRAILER_LF,
        DONE
    }

    private enum Mode {
        LENGTH,
        CHUNKED,
        UNTIL_CLOSE
    }

    private final Mode mode;
    private long remaining;
    private State state = State.SIZE;
    private boolean sizeDigits;
    private boolean malformed;
    private long payloadBytes;
    private final BodyCapture capture;

    private BodyFraming(Mode mode, long length, BodyCapture capture) {
        this.mode = mode;
        this.capture = capture;
        this.remaining = length;
        if (mode == Mode.LENGTH && length == 0) {
            state = State.DONE;
        }
    }

    /** Framing of the body that follows {@code head} for a request with {@code method}. */
    static BodyFraming of(ResponseHead head, String method) {
        return of(head, method, new BodyCapture(0));
    }

    /** As {@link #of(ResponseHead, String)}, handing payload bytes to {@code capture}. */
    static BodyFraming of(ResponseHead head, String method, BodyCapture capture) {
        int status = head.status();
        if ("HEAD".equalsIgnoreCase(method) || status == 204 || status == 304 || status < 200) {
            return new BodyFraming(Mode.LENGTH, 0, capture);
        }
        String te = head.first("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT);
        if (te.strip().endsWith("chunked")) {
            return new BodyFraming(Mode.CHUNKED, 0, capture);
        }
        String cl = head.first("Content-Length").orElse("").strip();
        if (digits(cl, 1, 18)) {
            return new BodyFraming(Mode.LENGTH, Long.parseLong(cl), capture);
        }
        return new BodyFraming(Mode.UNTIL_CLOSE, 0, capture);
    }

    /** {@code s} is {@code [0-9]{min,max}} (the Content-Length check, without a regex matcher per probe). */
    static boolean digits(String s, int min, int max) {
        return digits(s, 0, s.length(), min, max);
    }

    /** {@code s.substring(from, to)} is {@code [0-9]{min,max}}, without the substring. */
    static boolean digits(String s, int from, int to, int min, int max) {
        int n = to - from;
        if (n < min || n > max) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Consumes wire bytes; returns how many of them were used (the rest follow the message). */
    int consume(byte[] buf, int off, int len) {
        switch (mode) {
            case LENGTH -> {
                int used = (int) Math.min(len, remaining);
                remaining -= used;
                payloadBytes += used;
                capture.keep(buf, off, used);
                if (remaining == 0) {
                    state = State.DONE;
                }
                return used;
            }
            case UNTIL_CLOSE -> {
                payloadBytes += len;
                capture.keep(buf, off, len);
                return len;
            }
            default -> {
                int i = 0;
                while (i < len && state != State.DONE && !malformed) {
                    i += chunked(buf, off + i, len - i);
                }
                return i;
            }
        }
    }

    private int chunked(byte[] buf, int off, int len) {
        if (state == State.DATA) {
            int used = (int) Math.min(len, remaining);
            remaining -= used;
            payloadBytes += used;
            capture.keep(buf, off, used);
            if (remaining == 0) {
                state = State.DATA_CR;
            }
            return used;
        }
        byte b = buf[off];
        state = switch (state) {
            case SIZE -> size(b);
            case EXTENSION -> b == '\r' ? State.SIZE_LF : b == '\n' ? afterSize() : State.EXTENSION;
            case SIZE_LF -> b == '\n' ? afterSize() : fail();
            case DATA_CR -> b == '\r' ? State.DATA_LF : b == '\n' ? State.SIZE : fail();
            case DATA_LF -> b == '\n' ? State.SIZE : fail();
            case TRAILER_START -> b == '\r' ? State.TRAILER_LF : b == '\n' ? State.DONE : State.TRAILER;
            case TRAILER -> b == '\n' ? State.TRAILER_START : State.TRAILER;
            case TRAILER_LF -> b == '\n' ? State.DONE : fail();
            default -> state;
        };
        return 1;
    }

    private State size(byte b) {
        int digit = Character.digit(b, 16);
        if (digit >= 0 && remaining < (1L << 56)) {
            remaining = remaining * 16 + digit;
            sizeDigits = true;
            return State.SIZE;
        }
        if (!sizeDigits) {
            return fail();
        }
        return b == '\r'
                ? State.SIZE_LF
                : b == '\n' ? afterSize() : b == ';' || b == ' ' || b == '\t' ? State.EXTENSION : fail();
    }

    private State afterSize() {
        sizeDigits = false;
        return remaining == 0 ? State.TRAILER_START : State.DATA;
    }

    private State fail() {
        malformed = true;
        return state;
    }

    /** The message is complete: Content-Length reached or the last chunk and trailers read. */
    boolean complete() {
        return state == State.DONE;
    }

    /** The chunked framing is broken; reading stops. */
    boolean malformed() {
        return malformed;
    }

    /** Only a close ends this body, so end of stream is not truncation. */
    boolean endsAtClose() {
        return mode == Mode.UNTIL_CLOSE;
    }

    long payloadBytes() {
        return payloadBytes;
    }
}
