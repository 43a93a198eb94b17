package io.originwatch.schedule;

import io.originwatch.alert.SavedOrigin;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.handover.OriginSnapshot;
import io.originwatch.origin.History;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.origin.Streak;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one copy of what the daemon knows about one origin, shown read-only as {@link OriginStateView}: the latest result in full, failures and successes in a
 * row, when the cause last changed, and the last {@value #HISTORY_SIZE} results packed in a
 * {@link History} (read as {@link HistoryEntry}s). Updates and removal take the
 * object's lock, so a probe that finishes after its origin was removed cannot publish; events are
 * fired outside that lock (see {@link #fireUnlessRemoved}), so readers never wait for observers.
 */
public final class OriginState implements OriginStateView {

    public static final int HISTORY_SIZE = 50;

    private volatile Origin origin;
    private volatile OriginRegistry.Source source = OriginRegistry.Source.CONFIG;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final History history = new History(HISTORY_SIZE);
    /** Written under the lock, read without it (gauges read it on every scrape). */
    private volatile ProbeRecord latest;

    /** Replaced only when a cluster member takes the origin over ({@link #continueFrom}). */
    private Streak streak = new Streak();

    private Instant lastCauseChange;
    private volatile boolean removed;
    private volatile Instant watchedSince = Instant.now();
    /** Orders a probe's events against the removal event; never held while the state's lock is. */
    private final Object events = new Object();

    /** The previous cause ({@code null} = pending) and the new one. */
    public record Transition(Cause from, Cause to) {
        public boolean changed() {
            return from != to;
        }
    }

    public OriginState(Origin origin) {
        this.origin = origin;
    }

    /**
     * The state after one probe of {@code origin} and nothing else: what the command line's
     * {@code check} shows, through the same record-keeping (streak, cause change) as a scheduled probe.
     */
    public static OriginState afterOneProbe(Origin origin, ProbeRecord record) {
        OriginState state = new OriginState(origin);
        synchronized (state) {
            state.record(record);
        }
        return state;
    }

    @Override
    public Origin origin() {
        return origin;
    }

    /** Where the origin came from (set by the registry when it applies a source). */
    public OriginRegistry.Source source() {
        return source;
    }

    @Override
    public String sourceLabel() {
        return source.label();
    }

    void source(OriginRegistry.Source source) {
        this.source = source;
    }

    void replaceOrigin(Origin changed) {
        this.origin = changed;
    }

    @Override
    public Instant watchedSince() {
        return watchedSince;
    }

    /** The origin is scheduled on this process from {@code now} on (see {@link #watchedSince()}). */
    void watchedSince(Instant now) {
        this.watchedSince = now;
    }

    /** Claims the origin's single probe slot; false when a probe of it is already in flight. */
    boolean tryBeginProbe() {
        return probing.compareAndSet(false, true);
    }

    void endProbe() {
        probing.set(false);
    }

    /** Records a result outside any maintenance window; call with the lock held (see {@link ProbeRunner}). */
    Transition record(ProbeRecord record) {
        return record(record, false);
    }

    /**
     * Records a result; call with the lock held (see {@link ProbeRunner}).
     *
     * @param inMaintenance the probe started inside one of the origin's maintenance windows
     */
    Transition record(ProbeRecord record, boolean inMaintenance) {
        Verdict verdict = record.verdict();
        Instant probedAt = record.probedAt();
        Cause previous = latest == null ? null : latest.verdict().cause();
        latest = record;
        history.add(verdict, probedAt, inMaintenance);
        streak.record(verdict.cause());
        if (previous != verdict.cause()) {
            lastCauseChange = probedAt;
        }
        return new Transition(previous, verdict.cause());
    }

    /**
     * This origin's snapshot for the next cluster owner: the latest result, the streak and the last
     * cause change read together under the state's lock; empty before the first probe ends.
     *
     * @param alert               the alert tracker's state of the origin, or null
     * @param latestInMaintenance the latest probe started inside a maintenance window
     */
    public synchronized Optional<OriginSnapshot> snapshot(SavedOrigin alert, boolean latestInMaintenance) {
        if (latest == null) {
            return Optional.empty();
        }
        return Optional.of(new OriginSnapshot(
                origin.name(),
                latest,
                latestInMaintenance,
                streak.failures(),
                streak.successes(),
                lastCauseChange,
                alert));
    }

    /**
     * Continues from another member's snapshot of this origin: its latest result (also appended to
     * the history, so the history's newest entry is the latest result), streak and last cause
     * change replace this state's when the snapshot is newer, or as new when {@code orSame}.
     * Returns whether it did: a member that owned the origin before has an older state, one that
     * probed it since the snapshot was written a newer one.
     */
    public synchronized boolean continueFrom(OriginSnapshot s, boolean orSame) {
        if (removed || !s.origin().equals(origin.name())) {
            return false;
        }
        if (latest != null) {
            int order = s.probedAt().compareTo(latest.probedAt());
            if (order < 0 || (order == 0 && !orSame)) {
                return false;
            }
        }
        boolean sameProbe = latest != null && latest.probedAt().equals(s.probedAt());
        latest = s.latest();
        if (!sameProbe) {
            history.add(s.latest().verdict(), s.probedAt(), s.latestInMaintenance());
        }
        streak = new Streak(s.failures(), s.successes());
        lastCauseChange = s.lastCauseChange();
        return true;
    }

    boolean removed() {
        return removed;
    }

    /**
     * Marks the origin removed (under the state's lock, so no result is recorded after it), then runs
     * {@code removal} under the events lock: it waits for events being fired now, and none follow.
     */
    void remove(Runnable removal) {
        synchronized (this) {
            removed = true;
        }
        synchronized (events) {
            removal.run();
        }
    }

    /** Runs {@code fire} under the events lock unless the origin has been removed; call without the state's lock. */
    void fireUnlessRemoved(Runnable fire) {
        synchronized (events) {
            if (!removed) {
                fire.run();
            }
        }
    }

    @Override
    public Optional<ProbeRecord> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public ProbeRecord latestOrNull() {
        return latest;
    }

    /** Oldest first. */
    @Override
    public synchronized List<HistoryEntry> history() {
        return history.entries();
    }

    /** Failures in a row by the {@link Streak} rule (a {@code probe_error} counts as neither), as the alerts count. */
    @Override
    public synchronized int consecutiveFailures() {
        return streak.failures();
    }

    /** Successes in a row by the {@link Streak} rule. */
    @Override
    public synchronized int consecutiveSuccesses() {
        return streak.successes();
    }

    @Override
    public synchronized Optional<Instant> lastCauseChange() {
        return Optional.ofNullable(lastCauseChange);
    }
}
