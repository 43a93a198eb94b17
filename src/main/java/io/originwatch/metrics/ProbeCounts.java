package io.originwatch.metrics;

import io.originwatch.classify.Cause;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Probes finished by one origin, per cause: the values of its {@code originwatch_probes_total}
 * series. A cause with no probe has no series (as a counter that was never incremented did not
 * exist). One small object per origin instead of a registered counter per origin and cause.
 *
 * <p>Most origins only ever end with one cause, so the first cause seen and its count are two fields
 * of this object; an array for every other cause is made when a second cause first appears. At
 * 100,000 origins that is about 32 bytes each against 176 for an array of every cause from the
 * start. Increments take the object's lock (an origin has one probe at a time, so it is
 * uncontended); the scrape reads without it.
 */
final class ProbeCounts {

    private static final int CAUSES = Cause.values().length;

    private volatile int first = -1;
    private volatile long firstCount;
    /** Counts of every cause but {@link #first}, by ordinal; null until a second cause is seen. */
    private volatile AtomicLongArray others;

    synchronized void increment(Cause cause) {
        int c = cause.ordinal();
        if (first == -1) {
            first = c;
        }
        if (c == first) {
            firstCount = firstCount + 1;
            return;
        }
        AtomicLongArray more = others;
        if (more == null) {
            more = new AtomicLongArray(CAUSES);
            others = more;
        }
        more.incrementAndGet(c);
    }

    /** Probes that ended with {@code cause}. */
    long get(Cause cause) {
        int c = cause.ordinal();
        if (c == first) {
            return firstCount;
        }
        AtomicLongArray more = others;
        return more == null ? 0 : more.get(c);
    }
}
