package io.originwatch.origin;

import io.originwatch.classify.Verdict;
import java.util.Map;

/**
 * Fired synchronously (CDI) after each probe, once the origin's state has been updated.
 *
 * @param origin  the origin's name
 * @param labels  the origin's extra labels
 * @param verdict the classified result
 */
public record ProbeCompleted(String origin, Map<String, String> labels, Verdict verdict) {

    public ProbeCompleted {
        labels = Map.copyOf(labels);
    }
}
