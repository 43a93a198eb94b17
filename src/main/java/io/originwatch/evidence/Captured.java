package io.originwatch.evidence;

import io.originwatch.classify.Verdict;
import java.time.Instant;

/**
 * One kept probe, as the prober and classifier left it. The HAR is built from it only when someone
 * asks (the API, a support bundle, the first failure of an episode written to disk): building,
 * serialising and compressing a HAR for every probe cost about 15% of the daemon's CPU at 2,000
 * probes/s, for documents almost never read. Memory per kept probe is the prober's own bounds: one
 * request head, at most {@link io.originwatch.probe.Evidence#MAX_HEAD_BYTES} of response head and
 * the body-capture limit.
 *
 * @param verdict the classified probe, with its evidence bytes
 * @param kind    direct to the origin, or through the edge
 */
public record Captured(Verdict verdict, ProbeKind kind) {

    /** When the probe started. */
    public Instant probedAt() {
        return verdict.result().startedAt();
    }

    /** The cause label. */
    public String cause() {
        return verdict.cause().label();
    }

    /** The verdict was healthy. */
    public boolean up() {
        return verdict.up();
    }

    /** The HAR document of this probe. */
    public Har har(HarBuilder builder) {
        return builder.build(verdict, kind);
    }

    /** The HAR's one entry. */
    public Har.Entry entry(HarBuilder builder) {
        return har(builder).log().entries().get(0);
    }
}
