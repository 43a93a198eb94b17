package io.originwatch.probe;

import java.util.Arrays;

/**
 * Keeps the first body payload bytes for evidence (HAR files), at most {@code maxBytes}; counts the
 * rest without keeping them. The array grows by doubling, so a small body costs little whatever
 * the limit.
 */
final class BodyCapture {

    private static final int INITIAL_CAPACITY = 512;

    private final int maxBytes;
    private byte[] bytes = new byte[0];
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
            int grown = Math.max(INITIAL_CAPACITY, bytes.length * 2);
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(grown, size + take)));
        }
        System.arraycopy(buf, off, bytes, size, take);
        size += take;
    }

    byte[] bytes() {
        return Arrays.copyOf(bytes, size);
    }

    /** More payload bytes were offered than kept. */
    boolean dropped() {
        return offered > size;
    }
}
