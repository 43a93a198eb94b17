package io.originwatch.probe;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.conscrypt.AllocatedBuffer;
import org.conscrypt.BufferAllocator;

/**
 * Direct buffers for Conscrypt's sockets, reused across probes. Without an allocator every
 * Conscrypt socket allocates its own 16 KiB direct buffer, which only a garbage collection frees:
 * at 1,000 HTTPS probes/s that kept about 84 MB of native memory alive ({@code -XX:NativeMemoryTracking},
 * category Other) on top of a 256 MB heap. Conscrypt borrows a buffer per socket (and per engine
 * read) and releases it when done, so the pool holds about as many buffers as probes in flight.
 *
 * <p>Buffers are one size ({@link #BUFFER_BYTES}, enough for a TLS record of plaintext or
 * ciphertext); each loan is a slice of exactly the requested capacity. Larger requests, and loans
 * beyond {@link #MAX_POOLED} idle buffers, are plain direct buffers left to the collector. A loan
 * goes back at most once, however often it is released.
 */
final class DirectBufferPool extends BufferAllocator {

    /** 17 KiB: a TLS record's 16 KiB of plaintext, or its ciphertext with header and MAC (16,709 bytes). */
    static final int BUFFER_BYTES = 17 * 1024;
    /** Idle buffers kept: the default cap on probes in flight (each holds one); 4.25 MiB. */
    static final int MAX_POOLED = 256;

    private final ConcurrentLinkedQueue<ByteBuffer> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    @Override
    public AllocatedBuffer allocateDirectBuffer(int capacity) {
        if (capacity > BUFFER_BYTES) {
            return AllocatedBuffer.wrap(ByteBuffer.allocateDirect(capacity));
        }
        ByteBuffer whole = idle.poll();
        if (whole == null) {
            whole = ByteBuffer.allocateDirect(BUFFER_BYTES);
        } else {
            idleCount.decrementAndGet();
        }
        return new Loan(whole.clear(), capacity);
    }

    /** Idle buffers in the pool now. */
    int idle() {
        return idleCount.get();
    }

    private void giveBack(ByteBuffer whole) {
        if (idleCount.incrementAndGet() <= MAX_POOLED) {
            idle.offer(whole);
        } else {
            idleCount.decrementAndGet(); // enough idle ones: this one is left to the collector
        }
    }

    private final class Loan extends AllocatedBuffer {
        private final ByteBuffer whole;
        private final ByteBuffer view;
        private final AtomicBoolean returned = new AtomicBoolean();

        Loan(ByteBuffer whole, int capacity) {
            this.whole = whole;
            this.view = whole.slice(0, capacity);
        }

        @Override
        public ByteBuffer nioBuffer() {
            return view;
        }

        @Override
        public AllocatedBuffer release() {
            if (returned.compareAndSet(false, true)) {
                giveBack(whole);
            }
            return this;
        }
    }
}
