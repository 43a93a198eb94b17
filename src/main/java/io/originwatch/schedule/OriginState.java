package io.originwatch.schedule;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.Origin;
import io.originwatch.origin.ProbeRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the daemon knows about one origin: the latest result in full, failures and successes in a
 * row, when the cause last changed, and the last {@value #HISTORY_SIZE} results as compact
 * {@link HistoryEntry}s. Updates and removal take the
 * object's lock, so a probe that finishes after its origin was removed cannot publish.
 */
public final class OriginState {

    public static final int HISTORY_SIZE = 50;

    private volatile Origin origin;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Deque<HistoryEntry> history = new ArrayDeque<>(HISTORY_SIZE);
    private ProbeRecord latest;
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private Instant lastCauseChange;
    private boolean removed;

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
     * {@code check} shows, through the same record-keeping as a scheduled probe.
     */
    public static OriginState afterOneProbe(Origin origin, Verdict verdict, Instant probedAt) {
        OriginState state = new OriginState(origin);
        synchronized (state) {
            state.record(verdict, probedAt);
        }
        return state;
    }

    public Origin origin() {
        return origin;
    }

    void replaceOrigin(Origin changed) {
        this.origin = changed;
    }

    /** Claims the origin's single probe slot; false when a probe of it is already in flight. */
    boolean tryBeginProbe() {
        return probing.compareAndSet(false, true);
    }

    void endProbe() {
        probing.set(false);
    }

    /** Records a result; call with the lock held (see {@link ProbeRunner}). */
    Transition record(Verdict verdict, Instant probedAt) {
        Cause previous = latest == null ? null : latest.verdict().cause();
        latest = new ProbeRecord(verdict, probedAt);
        HistoryEntry entry = HistoryEntry.of(verdict, probedAt, history.peekLast());
        if (history.size() == HISTORY_SIZE) {
            history.removeFirst();
        }
        history.addLast(entry);
        if (verdict.up()) {
            consecutiveSuccesses++;
            consecutiveFailures = 0;
        } else {
            consecutiveFailures++;
            consecutiveSuccesses = 0;
        }
        if (previous != verdict.cause()) {
            lastCauseChange = probedAt;
        }
        return new Transition(previous, verdict.cause());
    }

    synchronized boolean removed() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }

    public synchronized Optional<ProbeRecord> latest() {
        return Optional.ofNullable(latest);
    }

    /** Oldest first. */
    public synchronized List<HistoryEntry> history() {
        return new ArrayList<>(history);
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized int consecutiveSuccesses() {
        return consecutiveSuccesses;
    }

    public synchronized Optional<Instant> lastCauseChange() {
        return Optional.ofNullable(lastCauseChange);
    }
}
