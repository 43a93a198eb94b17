package io.originwatch.alert;

import io.originwatch.classify.Cause;
import io.originwatch.probe.PhaseTimings;
import java.time.Instant;
import java.util.Map;

/**
 * One origin's alert as the sinks see it: the cause of the latest bad probe, its facts, and when the
 * alert started. At most one per origin; a cause change replaces it (same {@code startsAt}).
 *
 * @param origin       origin name, the alert's key
 * @param originLabels the origin's configured labels (kept on the API and the webhook)
 * @param cause        cause of the latest bad probe
 * @param edgeStatus   what the edge would answer
 * @param severity     from the policy, per cause
 * @param detail       the classifier's one-line detail
 * @param timings      phase timings of the latest bad probe
 * @param probedAt     start of the latest bad probe
 * @param startsAt     when the alert first fired
 */
public record ActiveAlert(
        String origin,
        Map<String, String> originLabels,
        Cause cause,
        int edgeStatus,
        String severity,
        String detail,
        PhaseTimings timings,
        Instant probedAt,
        Instant startsAt)
        implements java.io.Serializable {

    public ActiveAlert {
        originLabels = Map.copyOf(originLabels);
        detail = detail == null ? "" : detail;
    }

    /** True when the two would be different alerts for a label-keyed receiver such as Alertmanager. */
    public boolean differentIdentity(ActiveAlert other) {
        return other.cause != cause || other.edgeStatus != edgeStatus || !other.severity.equals(severity);
    }
}
