package io.originwatch.metrics;

import io.originwatch.classify.Cause;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ObjLongConsumer;

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

    /** Each cause seen at least once, with its count. */
    void forEach(ObjLongConsumer<Cause> action) {
        for (int i = 0; i < CAUSES.length; i++) {
            long n = counts.get(i);
            if (n > 0) {
                action.accept(CAUSES[i], n);
            }
        }
    }
}
