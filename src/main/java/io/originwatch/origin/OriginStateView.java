package io.originwatch.origin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon knows about one origin, read-only: the one copy of its latest result, history
 * and streak (kept by the schedule's {@code OriginState}). Readers that only show the state (the
 * API, gauges) read it here instead of keeping a second copy fed by events. Thread-safe; each
 * method returns a consistent value of its own.
 */
public interface OriginStateView {

    /** The origin as configured now. */
    Origin origin();

    /**
     * Where the origin came from, as the API shows it: {@code config}, {@code origins-file},
     * {@code lab}, {@code discovery:cloudflare} or {@code discovery:kubernetes}.
     */
    default String sourceLabel() {
        return "config";
    }

    /**
     * When this process began scheduling the origin (it was added, changed, or this cluster member
     * took it over): how long a pending origin has waited for its first result.
     */
    Instant watchedSince();

    /** The latest result in full; empty before the first probe ends. */
    Optional<ProbeRecord> latest();

    /**
     * {@link #latest()} without the Optional, null before the first probe ends: for readers of
     * every origin many times over (the scrape reads it once per family and origin).
     */
    default ProbeRecord latestOrNull() {
        return latest().orElse(null);
    }

    /** The last results, oldest first. */
    List<HistoryEntry> history();

    /** Failures in a row by the {@link Streak} rule, the count the alerts compare with their threshold. */
    int consecutiveFailures();

    /** Successes in a row by the {@link Streak} rule. */
    int consecutiveSuccesses();

    /** Start of the probe whose cause differed from the one before; empty before the first probe ends. */
    Optional<Instant> lastCauseChange();
}
