package io.originwatch.metrics;

import io.originwatch.classify.Cause;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Probes finished by one origin, per cause: the values of its {@code originwatch_probes_total}
 * series. A cause with no probe has no series (as a counter that was never incremented did not
 * exist). One array of longs per origin instead of a registered counter per origin and cause.
 */
final class ProbeCounts {

    private static final Cause[] CAUSES = Cause.values();

    private final AtomicLongArray counts = new AtomicLongArray(CAUSES.length);

    void increment(Cause cause) {
        counts.incrementAndGet(cause.ordinal());
    }

    /** Probes that ended with {@code cause}. */
    long get(Cause cause) {
        return counts.get(cause.ordinal());
    }
}
