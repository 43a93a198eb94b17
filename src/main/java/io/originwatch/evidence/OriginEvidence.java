package io.originwatch.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything kept for one origin, immutable (the store swaps whole values): per path the latest
 * HAR and the last failing one (so a recovered origin still shows what went wrong), the edge's
 * last answer, and the ray IDs of its last {@link #MAX_RAY_IDS} 5xx answers.
 */
public record OriginEvidence(
        Captured direct,
        Captured directFailing,
        Captured edge,
        Captured edgeFailing,
        EdgeObservation edgeObservation,
        List<RayId> rayIds) {

    /** Ray IDs kept per origin, newest last. */
    public static final int MAX_RAY_IDS = 20;

    public OriginEvidence {
        rayIds = List.copyOf(rayIds);
    }

    static OriginEvidence empty() {
        return new OriginEvidence(null, null, null, null, null, List.of());
    }

    OriginEvidence withDirect(Captured c) {
        return new OriginEvidence(c, c.up() ? directFailing : c, edge, edgeFailing, edgeObservation, rayIds);
    }

    OriginEvidence withEdge(Captured c, EdgeObservation o) {
        List<RayId> rays = rayIds;
        if (o.serverError() && o.cfRay() != null) {
            List<RayId> more = new ArrayList<>(rayIds);
            more.add(new RayId(o.cfRay(), o.probedAt(), o.status()));
            rays = more.subList(Math.max(0, more.size() - MAX_RAY_IDS), more.size());
        }
        return new OriginEvidence(direct, directFailing, c, c.up() ? edgeFailing : c, o, rays);
    }

    /** The HAR for a support ticket: the last failing one, else the latest; null when none. */
    public Captured forTicket(ProbeKind kind) {
        Captured failing = kind == ProbeKind.DIRECT ? directFailing : edgeFailing;
        return failing != null ? failing : kind == ProbeKind.DIRECT ? direct : edge;
    }

    /** Direct and edge compared, or null until both were probed. */
    public EdgeComparison comparison() {
        return direct == null || edgeObservation == null ? null : EdgeComparison.of(direct.up(), edgeObservation.up());
    }
}
