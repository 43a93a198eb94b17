package io.originwatch.probe;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Backstop for the probe's overall deadline. Shrinking SO_TIMEOUT bounds every plain read, but a
 * TLS handshake or a TLS record dripped one byte at a time is many reads inside one call; closing
 * the raw socket at the deadline ends any of them. One daemon thread serves every probe: its tasks
 * only close sockets.
 */
final class Watchdog {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> task;
    private volatile boolean fired;

    private Watchdog(Socket socket, Deadline deadline) {
        task = TIMER.schedule(
                () -> {
                    fired = true;
                    try {
                        socket.close();
                    } catch (IOException e) {
                        // closing is all we can do
                    }
                },
                Math.max(0, deadline.remainingNanos()),
                TimeUnit.NANOSECONDS);
    }

    static Watchdog arm(Socket socket, Deadline deadline) {
        return new Watchdog(socket, deadline);
    }

    /** True when the deadline passed and the socket was closed under the probe. */
    boolean fired() {
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
