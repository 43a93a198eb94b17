package io.originwatch.evidence;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * HAR files written to disk by one writer thread, off the probe threads: a probe only offers the
 * write and goes on; a disk that is slow or full never holds up probing. Bounded: at most
 * {@code capacity} writes wait, and an offer beyond that is dropped (and counted by the caller's
 * {@link Listener}) rather than queued without end.
 *
 * <p>Order: one writer takes the writes in the order they were offered, so a later result of an
 * origin is always written after, never before, an earlier one (same file name: the later wins;
 * pruning by modification time keeps the newest). The HAR is rendered on the writer thread too.
 *
 * <p>Lifecycle:
 * <ol>
 * <li>{@link #start} starts the writer;</li>
 * <li>{@link #offer} queues a write, or drops it when {@code capacity} writes are waiting;</li>
 * <li>{@link #close} stops accepting, writes what is queued within its grace, then stops the writer.</li>
 * </ol>
 */
public final class HarWriteQueue implements AutoCloseable {

    /** Writes waiting at most: a burst of first failures across many origins, about one HAR (~20 KiB) each. */
    public static final int DEFAULT_CAPACITY = 256;

    /** What {@link #close()} gives the queued writes. */
    public static final long DEFAULT_CLOSE_GRACE_MILLIS = 5_000;

    /** Where a write goes: {@link HarDirectory#write} in the daemon. */
    @FunctionalInterface
    public interface Sink {
        void write(String fileName, byte[] har) throws IOException;
    }

    /** Observes the queue; called on the offering or the writer thread; fast and never throws. */
    public interface Listener {

        Listener NONE = new Listener() {};

        /** The queue was full: this file is not written. */
        default void dropped(String origin, String fileName) {}

        /** The write failed (rendering or I/O). */
        default void failed(String origin, String fileName, Exception error) {}
    }

    private record Pending(String origin, String fileName, Supplier<byte[]> har) {}

    private static final Pending STOP = new Pending("", "", () -> new byte[0]);

    private final Sink sink;
    private final Listener listener;
    private final BlockingQueue<Pending> queue;
    private final int capacity;
    private volatile boolean accepting = true;
    private Thread writer;

    public HarWriteQueue(Sink sink, int capacity, Listener listener) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.listener = listener == null ? Listener.NONE : listener;
        // one slot more than the capacity for the stop marker, which must never be refused
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.capacity = capacity;
    }

    public synchronized HarWriteQueue start() {
        if (writer == null) {
            writer = Thread.ofPlatform().daemon().name("originwatch-har-writer").start(this::drain);
        }
        return this;
    }

    /**
     * Queues one file of {@code origin}; {@code har} is rendered on the writer thread. Returns false, and tells the
     * listener, when {@code capacity} writes are already waiting or the queue is closed.
     */
    public boolean offer(String origin, String fileName, Supplier<byte[]> har) {
        Pending p = new Pending(
                Objects.requireNonNull(origin, "origin"),
                Objects.requireNonNull(fileName, "fileName"),
                Objects.requireNonNull(har, "har"));
        boolean queued;
        synchronized (queue) {
            queued = accepting && queue.size() < capacity && queue.offer(p);
        }
        if (!queued) {
            listener.dropped(origin, fileName);
        }
        return queued;
    }

    /** Writes waiting now (not counting one being written). */
    public int pending() {
        return queue.size();
    }

    private void drain() {
        while (true) {
            Pending p;
            try {
                p = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (p == STOP) {
                return;
            }
            try {
                sink.write(p.fileName(), p.har().get());
            } catch (IOException | RuntimeException e) {
                listener.failed(p.origin(), p.fileName(), e);
            }
        }
    }

    /** Stops accepting, then gives the queued writes up to {@code graceMillis} before stopping the writer. */
    public void close(long graceMillis) {
        Thread w;
        synchronized (queue) {
            accepting = false;
            queue.offer(STOP); // always fits: the extra slot
        }
        synchronized (this) {
            w = writer;
        }
        if (w == null) {
            return;
        }
        try {
            w.join(graceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        w.interrupt();
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_GRACE_MILLIS);
    }
}
