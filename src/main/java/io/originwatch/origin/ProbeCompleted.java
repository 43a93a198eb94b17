package io.originwatch.origin;

import io.originwatch.classify.Verdict;
import java.util.Map;

/**
 * Fired synchronously (CDI) after each probe, once the origin's state has been updated.
 *
 * @param origin        the origin's name
 * @param labels        the origin's extra labels
 * @param verdict       the classified result
 * @param inMaintenance the probe started inside one of the origin's maintenance windows (decided once,
 *                      by the probe runner, and kept on the history entry too)
 */
public record ProbeCompleted(String origin, Map<String, String> labels, Verdict verdict, boolean inMaintenance) {

    public ProbeCompleted {
        labels = Map.copyOf(labels);
    }

    /** A probe outside any maintenance window. */
    public ProbeCompleted(String origin, Map<String, String> labels, Verdict verdict) {
        this(origin, labels, verdict, false);
    }
}
