package io.originwatch.origin;

import io.originwatch.probe.ProbeSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One validated origin: what to probe, how often, and the extra labels shown on the API.
 *
 * @param spec     the probe spec (its name is the origin's name)
 * @param interval time between two probes
 * @param labels   extra labels kept on the API, not on metrics
 * @param source   where it was configured (e.g. {@code originwatch.origins[0]}), for messages
 * @param viaEdge  the probe of the site's public URL through the edge (issue 7), or null when
 *                 {@code via-edge-url} is not set
 */
public record Origin(ProbeSpec spec, Duration interval, Map<String, String> labels, String source, ProbeSpec viaEdge) {

    public Origin {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(interval, "interval");
        labels = Map.copyOf(labels);
    }

    /** An origin without a via-edge probe. */
    public Origin(ProbeSpec spec, Duration interval, Map<String, String> labels, String source) {
        this(spec, interval, labels, source, null);
    }

    public String name() {
        return spec.name();
    }

    /**
     * The longest one scheduled run of the origin can take: its probe's deadline, plus the via-edge
     * probe's when there is one (both run in the same slot, one after the other).
     */
    public Duration runDeadline() {
        return viaEdge == null ? spec.deadline() : spec.deadline().plus(viaEdge.deadline());
    }

    /**
     * True when probing would differ: a changed origin is rescheduled, an unchanged one keeps its
     * schedule and state. {@code source} alone (e.g. a re-ordered file) is not a change.
     */
    public boolean sameProbeAs(Origin other) {
        return spec.equals(other.spec)
                && interval.equals(other.interval)
                && labels.equals(other.labels)
                && Objects.equals(viaEdge, other.viaEdge);
    }
}
