package io.originwatch.alert;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One sink's queue and its sender, a virtual thread. Lifecycle:
 * <ol>
 * <li>{@link #submit} coalesces into the bounded queue and returns at once (never blocks probing);</li>
 * <li>the sender delivers the oldest pending notification; on success it is removed (unless a newer
 * one for the same origin replaced it meanwhile, which is then sent next);</li>
 * <li>on a retryable failure it waits {@link Backoff#delay} and tries the head again, which by then
 * may be newer: a sink that is down gets each alert's current state when it returns;</li>
 * <li>a permanent failure drops that notification; so do {@link #CLIENT_ERROR_ATTEMPTS} client errors
 * in a row (401, 403, 404: a receiver being redeployed answers them for a while, so they are
 * retried first); {@link #close} stops the sender.</li>
 * <li>{@link #drain} (shutdown) lets the sender go on until nothing is pending or the grace period
 * is over, then stops it; what is still pending then is dropped and counted.</li>
 * </ol>
 * A sink going down and coming back is logged once each way, not per attempt.
 */
public final class SinkWorker implements AutoCloseable {

    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /**
     * Attempts a notification gets while the receiver answers 401/403/404. 8 with the default backoff
     * (500 ms doubling to 30 s) spans about a minute: a rolling redeploy of the receiver, not more.
     */
    public static final int CLIENT_ERROR_ATTEMPTS = 8;

    private static final System.Logger LOG = System.getLogger(SinkWorker.class.getName());
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private final AlertSink sink;
    private final CoalescingQueue queue;
    private final Backoff backoff;
    private final DispatchListener listener;
    private volatile boolean running;
    private int clientErrorsInARow;
    private Thread sender;

    public SinkWorker(AlertSink sink, int queueCapacity, Backoff backoff, DispatchListener listener) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.queue = new CoalescingQueue(queueCapacity);
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public synchronized void start() {
        if (sender == null) {
            running = true;
            sender = Thread.ofVirtual().name("alert-sink-" + sink.name()).start(this::run);
        }
    }

    public String name() {
        return sink.name();
    }

    public AlertSink sink() {
        return sink;
    }

    public int queueDepth() {
        return queue.size();
    }

    public void submit(Notification n) {
        queue.offer(n).dropped().ifPresent(d -> {
            LOG.log(
                    Level.WARNING,
                    "alert sink={0} queue full: dropped origin={1} state={2}",
                    sink.name(),
                    d.key(),
                    d.state().label());
            listener.dropped(sink.name(), d);
        });
    }

    /** Re-posts a firing alert unless something newer for its origin is already pending. */
    public void resend(ActiveAlert alert, java.time.Instant now) {
        queue.offerIfAbsent(Notification.firing(alert, now));
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                Optional<Notification> head = queue.awaitHead(IDLE_WAIT);
                if (head.isEmpty()) {
                    continue;
                }
                failures = attempt(head.get(), failures);
                if (failures > 0) {
                    Thread.sleep(backoff.delay(failures));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a sink bug must not kill the sender: log, back off, go on
                LOG.log(Level.ERROR, "alert sink=" + sink.name() + " unexpected error", e);
                failures++;
            }
        }
    }

    /** Delivers {@code n}; returns the new count of consecutive failed attempts. */
    private int attempt(Notification n, int failures) {
        try {
            sink.deliver(n);
            clientErrorsInARow = 0;
            queue.removeIfCurrent(n);
            listener.sent(sink.name(), n);
            if (failures > 0) {
                LOG.log(Level.INFO, "alert sink={0} state=up after {1} failed attempts", sink.name(), failures);
            }
            return 0;
        } catch (DeliveryException e) {
            boolean clientError = e.kind() == DeliveryException.Kind.CLIENT_ERROR_RETRY;
            clientErrorsInARow = clientError ? clientErrorsInARow + 1 : 0;
            if (!e.retryable() || (clientError && clientErrorsInARow >= CLIENT_ERROR_ATTEMPTS)) {
                clientErrorsInARow = 0;
                queue.removeIfCurrent(n);
                LOG.log(Level.WARNING, "alert sink={0} rejected origin={1}: {2}", sink.name(), n.key(), e.getMessage());
                listener.rejected(sink.name(), n, e);
                return 0; // the sink answered: it is up, no backoff before the next one
            }
            if (failures == 0) {
                LOG.log(
                        Level.WARNING,
                        "alert sink={0} state=down error=\"{1}\" (retrying with backoff)",
                        sink.name(),
                        e.getMessage());
            }
            listener.failed(sink.name(), n, e);
            return failures + 1;
        }
    }

    /**
     * Delivers what is pending for at most {@code grace}, then stops the sender. Returns how many
     * notifications were not delivered (0 when the queue emptied in time).
     */
    public int drain(Duration grace) {
        boolean started;
        synchronized (this) {
            started = sender != null && running;
        }
        if (started && grace.isPositive()) {
            try {
                queue.awaitEmpty(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        int dropped = queue.size();
        if (dropped > 0) {
            LOG.log(
                    Level.WARNING,
                    "alert sink={0} stopped: dropped={1} notification(s) not delivered within the {2} ms grace period",
                    sink.name(),
                    dropped,
                    grace.toMillis());
        }
        return dropped;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = sender;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
