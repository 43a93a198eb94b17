package io.originwatch.alert;

import io.originwatch.classify.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Direct dispatch: feeds probe results to the {@link AlertTracker}, hands its notifications to every
 * sink's {@link SinkWorker}, and re-posts active alerts to sinks that expire them (Alertmanager)
 * every {@code resendInterval}. Called on probing threads; never blocks them.
 *
 * <p>With a state file ({@link #keepStateIn}) the tracker's state survives a restart: it is restored
 * before the senders start, and the alerts it brings back are re-posted at once to the sinks that
 * expire alerts (so Alertmanager keeps them instead of resolving them and firing them again when
 * the streak has been counted anew), never to the others (a webhook already got their firing).
 */
public final class AlertDispatcher implements AutoCloseable {

    /** Half of Alertmanager's default resolve_timeout (5m), and well inside {@link AlertmanagerSink#DEFAULT_TTL}. */
    public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);

    private final List<SinkWorker> workers;
    private final AlertTracker tracker;
    private final Clock clock;
    private final Duration resendInterval;
    private volatile Thread resender;
    private AlertStateKeeper keeper;

    public AlertDispatcher(AlertPolicy policy, List<SinkWorker> workers, Clock clock, Duration resendInterval) {
        this.workers = List.copyOf(workers);
        this.tracker = new AlertTracker(policy, this::publish);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resendInterval = Objects.requireNonNull(resendInterval, "resendInterval");
    }

    /** Saves the alert state to {@code file} (before {@link #start}, which restores it). */
    public synchronized void keepStateIn(Path file, Duration flushInterval) {
        if (keeper != null) {
            throw new IllegalStateException("state already kept in " + keeper.file());
        }
        keeper = new AlertStateKeeper(file, tracker, flushInterval);
    }

    /** Starts the senders and the resend loop, after restoring saved state (if kept). */
    public synchronized void start() {
        boolean restored = keeper != null && keeper.load() > 0;
        workers.forEach(SinkWorker::start);
        if (keeper != null) {
            keeper.start();
        }
        if (restored) {
            resendActive();
        }
        if (resender == null && workers.stream().anyMatch(w -> w.sink().resendsActive())) {
            resender = Thread.ofVirtual().name("alert-resend").start(this::resendLoop);
        }
    }

    public Optional<Notification> probeCompleted(String origin, Map<String, String> labels, Verdict verdict) {
        return probeCompleted(origin, labels, verdict, false);
    }

    /** @param inMaintenance the probe started inside one of the origin's maintenance windows */
    public Optional<Notification> probeCompleted(
            String origin, Map<String, String> labels, Verdict verdict, boolean inMaintenance) {
        return tracker.record(origin, labels, verdict, inMaintenance, clock.instant());
    }

    /** True while the origin's alert fires (inside a maintenance window: a carried alert). */
    public boolean firing(String origin) {
        return tracker.firing(origin);
    }

    /** See {@link AlertTracker#suppressing}. */
    public boolean suppressing(String origin, boolean inWindowNow) {
        return tracker.suppressing(origin, inWindowNow);
    }

    public Optional<Notification> originRemoved(String origin) {
        return tracker.remove(origin, clock.instant());
    }

    /** See {@link AlertTracker#saved(String)}. */
    public Optional<SavedOrigin> saved(String origin) {
        return tracker.saved(origin);
    }

    /**
     * Takes one origin's alert state over from its previous cluster owner ({@link
     * AlertTracker#continueFrom}): nothing is sent, except that a firing alert is re-posted at once
     * to the sinks that expire alerts (Alertmanager), as after a restart, so it does not expire
     * while the old owner's resends have stopped.
     */
    public void continueFrom(String origin, SavedOrigin saved) {
        tracker.continueFrom(origin, saved);
        if (saved != null && saved.firing() != null) {
            Instant now = clock.instant();
            workers.stream().filter(w -> w.sink().resendsActive()).forEach(w -> w.resend(saved.firing(), now));
        }
    }

    /** The thresholds the policy gives {@code origin} now. */
    public Thresholds thresholds(String origin) {
        return tracker.policy().thresholdsFor(origin);
    }

    /** See {@link AlertTracker#release}: this member stopped owning the origin. */
    public void release(String origin) {
        tracker.release(origin);
    }

    /** Resolves restored alerts of origins no longer configured; returns what was sent. */
    public List<Notification> forgetUnless(java.util.function.Predicate<String> configured) {
        return tracker.forgetUnless(configured, clock.instant());
    }

    /** Writes the alert state now if it changed (no-op without a state file); true when up to date. */
    public boolean saveState() {
        AlertStateKeeper k = keeper;
        return k == null || k.flush();
    }

    public List<ActiveAlert> active() {
        return tracker.active();
    }

    public void policy(AlertPolicy policy) {
        tracker.policy(policy);
    }

    public List<SinkWorker> workers() {
        return workers;
    }

    /** Queues a re-post of every active alert to the sinks that expire alerts. */
    public void resendActive() {
        Instant now = clock.instant();
        tracker.forEachActive(
                a -> workers.stream().filter(w -> w.sink().resendsActive()).forEach(w -> w.resend(a, now)));
    }

    private void publish(Notification n) {
        for (SinkWorker w : workers) {
            w.submit(n);
        }
    }

    private void resendLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(resendInterval);
            } catch (InterruptedException e) {
                return;
            }
            resendActive();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Stops the resend loop, gives the senders {@code grace} (one deadline for all of them) to
     * deliver what is pending, stops them, and saves the state a last time. Returns the number of
     * notifications not delivered, over all sinks.
     */
    public int close(Duration grace) {
        Thread r = resender;
        if (r != null) {
            r.interrupt();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        int dropped = 0;
        for (SinkWorker w : workers) {
            dropped += w.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        AlertStateKeeper k = keeper;
        if (k != null) {
            k.close();
        }
        return dropped;
    }
}
