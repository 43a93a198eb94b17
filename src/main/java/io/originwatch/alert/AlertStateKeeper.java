package io.originwatch.alert;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Keeps an {@link AlertTracker}'s state in an {@link AlertStateFile} so it survives a restart:
 * <ol>
 * <li>{@link #load} reads the file once at start and restores it; an unreadable or corrupt file is
 *     logged (WARN, naming the file and the line) and ignored: the daemon starts without it, as it
 *     would without a state dir;</li>
 * <li>a writer thread saves the state at most every {@code flushInterval}, and only when it changed
 *     ({@link AlertTracker#version}), so a steady state costs no disk writes;</li>
 * <li>{@link #close} saves a last time (after the senders are stopped, so what a SIGTERM'd daemon
 *     fired is on disk before it exits).</li>
 * </ol>
 * A failed write is logged once per run of failures and retried at the next flush.
 */
public final class AlertStateKeeper implements AutoCloseable {

    /** A crash (not a SIGTERM) loses at most this much of the state's history. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(AlertStateKeeper.class.getName());

    private final Path file;
    private final AlertTracker tracker;
    private final Duration flushInterval;
    private long written = -1;
    private boolean failing;
    private Thread writer;

    public AlertStateKeeper(Path file, AlertTracker tracker, Duration flushInterval) {
        this.file = Objects.requireNonNull(file, "file");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.flushInterval = Objects.requireNonNull(flushInterval, "flushInterval");
    }

    public Path file() {
        return file;
    }

    /** Restores the saved state; returns how many origins it brought back (0 when none or unreadable). */
    public int load() {
        List<SavedOrigin> saved;
        try {
            saved = AlertStateFile.read(file);
        } catch (AlertStateFile.Unreadable e) {
            LOG.log(
                    Level.WARNING,
                    "alert state ignored: {0}; starting without saved alert state (it is rewritten from now on)",
                    e.getMessage());
            return 0;
        }
        tracker.restore(saved);
        long firing = saved.stream().filter(s -> s.firing() != null).count();
        LOG.log(
                Level.INFO,
                "alert state restored from {0}: {1} origin(s), {2} alert(s) firing",
                file,
                saved.size(),
                firing);
        return saved.size();
    }

    public synchronized void start() {
        if (writer == null) {
            writer = Thread.ofVirtual().name("alert-state-writer").start(this::run);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(flushInterval);
            } catch (InterruptedException e) {
                return;
            }
            flush();
        }
    }

    /** Saves the state if it changed since the last save; true when the file is up to date. */
    public synchronized boolean flush() {
        long version = tracker.version();
        if (version == written) {
            return true;
        }
        try {
            AlertStateFile.Written w = AlertStateFile.write(file, tracker.saved());
            if (w.leftOut() > 0) {
                LOG.log(
                        Level.WARNING,
                        "alert state {0}: {1} origin(s) without a firing alert left out (over {2} bytes)",
                        file,
                        w.leftOut(),
                        AlertStateFile.MAX_BYTES);
            }
            written = version;
            if (failing) {
                LOG.log(Level.INFO, "alert state {0} written again", file);
                failing = false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.log(
                        Level.WARNING,
                        "alert state {0} cannot be written ({1}); kept in memory, retried every {2} ms",
                        file,
                        e.toString(),
                        flushInterval.toMillis());
                failing = true;
            }
            return false;
        }
    }

    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            w = writer;
        }
        if (w != null) {
            w.interrupt();
            try {
                w.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
