package io.originwatch.evidence;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-origin evidence in memory. Bounded: at most four HARs per origin (latest and last failing,
 * direct and via the edge), each bounded by the prober's limits (16 KiB of response head, the
 * body-capture limit, one request head), plus {@link OriginEvidence#MAX_RAY_IDS} ray IDs; an
 * origin's entry goes when the origin is removed. Thread-safe: values are immutable and swapped
 * atomically per origin.
 */
public final class EvidenceStore {

    private final ConcurrentMap<String, OriginEvidence> byOrigin = new ConcurrentHashMap<>();

    /**
     * Keeps a direct probe's HAR.
     *
     * @return true when this result starts a failure episode worth writing to disk: the origin was
     *         not failing with this cause before
     */
    public boolean recordDirect(String origin, Captured c) {
        OriginEvidence before = byOrigin.get(origin);
        byOrigin.compute(origin, (k, v) -> (v == null ? OriginEvidence.empty() : v).withDirect(c));
        return startsEpisode(before == null ? null : before.direct(), c);
    }

    /** Keeps a via-edge probe's HAR and the edge's answer; same return as {@link #recordDirect}. */
    public boolean recordEdge(String origin, Captured c, EdgeObservation o) {
        OriginEvidence before = byOrigin.get(origin);
        byOrigin.compute(origin, (k, v) -> (v == null ? OriginEvidence.empty() : v).withEdge(c, o));
        return startsEpisode(before == null ? null : before.edge(), c);
    }

    private static boolean startsEpisode(Captured before, Captured now) {
        return !now.up() && (before == null || before.up() || !before.cause().equals(now.cause()));
    }

    public Optional<OriginEvidence> get(String origin) {
        return Optional.ofNullable(byOrigin.get(origin));
    }

    public void remove(String origin) {
        byOrigin.remove(origin);
    }

    /** Drops every origin not in {@code names} (after a reload that missed a removal event). */
    public void retainOnly(Set<String> names) {
        byOrigin.keySet().retainAll(names);
    }

    public int size() {
        return byOrigin.size();
    }
}
