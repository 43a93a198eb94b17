package io.originwatch.probe;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Backstop for the probe's overall deadline. Shrinking SO_TIMEOUT bounds every plain read, but a
 * TLS handshake or a TLS record dripped one byte at a time is many reads inside one call; closing
 * the raw socket at the deadline ends any of them. One daemon thread serves every probe: its tasks
 * only close sockets.
 *
 * <p>It is its own timer task and its own {@link BooleanSupplier} of {@link #fired()} (what the
 * exchanges ask), so arming one costs the watchdog and the timer's entry, no lambdas.
 */
final class Watchdog implements Runnable, BooleanSupplier {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Socket socket;
    private final ScheduledFuture<?> task;
    private volatile boolean fired;

    private Watchdog(Socket socket, Deadline deadline) {
        this.socket = socket;
        task = TIMER.schedule(this, Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
    }

    /** The timer's task, at the deadline: mark, then close the socket under the probe. */
    @Override
    public void run() {
        fired = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we can do
        }
    }

    static Watchdog arm(Socket socket, Deadline deadline) {
        return new Watchdog(socket, deadline);
    }

    /** True when the deadline passed and the socket was closed under the probe. */
    boolean fired() {
        return fired;
    }

    @Override
    public boolean getAsBoolean() {
        return fired;
    }

    void disarm() {
        task.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "originwatch-probe-watchdog");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
