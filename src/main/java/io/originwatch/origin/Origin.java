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

    /**
     * This origin, sharing {@code previous}'s parts where they are equal, or {@code previous} itself
     * when nothing differs ({@code this} when {@code previous} is null). Applied as a source is read
     * again, with the running origin of the same name: a reload of 100,000 mostly unchanged origins
     * then keeps the running specs rather than a second copy of each, so the copies made while reading
     * die young instead of filling the old generation beside the ones they replace (bench/README.md,
     * the reload at 100,000 origins).
     */
    public Origin sharing(Origin previous) {
        if (previous == null || previous == this) {
            return this;
        }
        ProbeSpec s = spec.equals(previous.spec) ? previous.spec : spec;
        Duration i = interval.equals(previous.interval) ? previous.interval : interval;
        Map<String, String> l = labels.equals(previous.labels) ? previous.labels : labels;
        String src = Objects.equals(source, previous.source) ? previous.source : source;
        ProbeSpec v = Objects.equals(viaEdge, previous.viaEdge) ? previous.viaEdge : viaEdge;
        if (s == previous.spec
                && i == previous.interval
                && l == previous.labels
                && src == previous.source
                && v == previous.viaEdge) {
            return previous;
        }
        return new Origin(s, i, l, src, v);
    }
}
