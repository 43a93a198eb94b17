package io.originwatch.probe;

import java.util.Arrays;

/**
 * Keeps the first body payload bytes for evidence (HAR files), at most {@code maxBytes}; counts the
 * rest without keeping them. The array starts at the size of the first piece and grows by doubling,
 * so a small body costs little whatever the limit, and a body kept in one piece (the usual case) is
 * one array of exactly its size, handed out by {@link #bytes} without a copy.
 */
final class BodyCapture {

    private static final byte[] EMPTY = new byte[0];

    private final int maxBytes;
    private byte[] bytes = EMPTY;
    private int size;
    private long offered;

    BodyCapture(int maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
    }

    /** Payload bytes, after any chunk framing is removed. */
    void keep(byte[] buf, int off, int len) {
        offered += len;
        int take = Math.min(len, maxBytes - size);
        if (take <= 0) {
            return;
        }
        if (size + take > bytes.length) {
            int grown = bytes.length * 2;
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(grown, size + take)));
        }
        System.arraycopy(buf, off, bytes, size, take);
        size += take;
    }

    /** The kept bytes; call once, when the body is done (the array may be this capture's own). */
    byte[] bytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    /** More payload bytes were offered than kept. */
    boolean dropped() {
        return offered > size;
    }
}
