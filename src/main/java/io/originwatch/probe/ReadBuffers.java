package io.originwatch.probe;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The read buffers of HTTP/1.1 exchanges, reused across probes. Without it every probe allocated a
 * fresh {@value #BUFFER_BYTES}-byte array, most of the daemon's allocation (JFR at 1,000 probes/s:
 * 149 MB of {@code byte[]} per 40 s from {@code Exchange.<init>}).
 *
 * <p>A bounded, lock-free set of slots ({@link #MAX_POOLED} at most, so at most 1 MiB idle, whatever
 * the number of origins): {@link #take} empties a slot (or allocates when none is full), {@link
 * #giveBack} fills an empty one (or drops the array when all are full). Neither allocates, blocks
 * nor spins; a slot changes hands by compare-and-set only, so one array is never in two slots and
 * never lent twice at once. Taking and giving start at a random slot, so threads rarely meet.
 *
 * <p>The contract, kept by {@link Exchange}: an array is given back exactly once, by the thread that
 * read into it, after its last read returned, and is never touched by its taker afterwards. Reads
 * copy into the array on the calling thread (the watchdog only closes the socket, which makes that
 * read throw), so once the exchange's thread gives the array back no read can still fill it. Given
 * back arrays are zeroed, so an idle array holds no origin's bytes and a taker never sees another
 * probe's (an exchange reads only the bytes its own reads returned anyway).
 */
final class ReadBuffers {

    /** Read size of an exchange; small enough that the header budget is overshot by little. */
    static final int BUFFER_BYTES = 4 * 1024;
    /** Idle arrays kept: about the probes in flight at 3,000 probes/s on loopback; 1 MiB. */
    static final int MAX_POOLED = 256;

    /** The daemon's pool: one for every prober, so a config reload (a new prober) starts warm. */
    static final ReadBuffers SHARED = new ReadBuffers();

    private final AtomicReferenceArray<byte[]> slots = new AtomicReferenceArray<>(MAX_POOLED);

    /** An array of {@link #BUFFER_BYTES} all zero, now owned by the caller until it gives it back. */
    byte[] take() {
        int start = ThreadLocalRandom.current().nextInt(MAX_POOLED);
        for (int i = 0; i < MAX_POOLED; i++) {
            int slot = (start + i) & (MAX_POOLED - 1);
            byte[] b = slots.get(slot);
            if (b != null && slots.compareAndSet(slot, b, null)) {
                return b;
            }
        }
        return new byte[BUFFER_BYTES];
    }

    /** Gives {@code b} back; the caller must not use it again. Arrays of another size are dropped. */
    void giveBack(byte[] b) {
        if (b == null || b.length != BUFFER_BYTES) {
            return;
        }
        Arrays.fill(b, (byte) 0);
        int start = ThreadLocalRandom.current().nextInt(MAX_POOLED);
        for (int i = 0; i < MAX_POOLED; i++) {
            int slot = (start + i) & (MAX_POOLED - 1);
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, b)) {
                return;
            }
        }
        // every slot full: this one is left to the collector
    }

    /** Idle arrays now (for tests and figures). */
    int idle() {
        int n = 0;
        for (int i = 0; i < MAX_POOLED; i++) {
            if (slots.get(i) != null) {
                n++;
            }
        }
        return n;
    }

    /** True when the idle arrays are distinct objects (an array given back twice would be in two slots). */
    boolean idleDistinct() {
        java.util.Set<byte[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < MAX_POOLED; i++) {
            byte[] b = slots.get(i);
            if (b != null && !seen.add(b)) {
                return false;
            }
        }
        return true;
    }
}
