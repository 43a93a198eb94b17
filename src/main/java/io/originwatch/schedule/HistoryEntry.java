package io.originwatch.schedule;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One result in an origin's history: what {@code /history} and support bundles show, nothing more.
 * The history holds {@value OriginState#HISTORY_SIZE} of these per origin, 500,000 for 10,000
 * origins, so an entry is kept small (about 120 bytes, against 2-3 KB for the full verdict with its
 * head fields, TLS facts and evidence bytes, which only the latest result keeps): timings as
 * microseconds in an array, and a detail or warning list equal to the previous entry's shared
 * with it (an origin repeats the same detail probe after probe).
 *
 * @param probedAt    when the probe started
 * @param cause       the verdict's cause
 * @param edgeStatus  what the edge would answer
 * @param httpStatus  the origin's status, 0 if none
 * @param warnings    warnings of the verdict
 * @param headerBytes response header section bytes seen
 * @param micros      phase durations in microseconds by {@link Phase#ordinal()}, -1 for a phase that did not happen
 * @param detail      the verdict's one-line detail
 */
public record HistoryEntry(Instant probedAt, Cause cause, int edgeStatus, int httpStatus, List<Warning> warnings,
                           int headerBytes, int[] micros, String detail) {

    private static final Phase[] PHASES = Phase.values();

    /** The entry for {@code v}, sharing the detail and warnings objects of {@code previous} when equal. */
    static HistoryEntry of(Verdict v, Instant probedAt, HistoryEntry previous) {
        String detail = v.detail();
        List<Warning> warnings = v.warnings();
        if (previous != null) {
            detail = Objects.equals(previous.detail, detail) ? previous.detail : detail;
            warnings = previous.warnings.equals(warnings) ? previous.warnings : warnings;
        }
        int[] micros = new int[PHASES.length];
        for (Phase p : PHASES) {
            micros[p.ordinal()] = v.result().timings().get(p).map(HistoryEntry::micros).orElse(-1);
        }
        return new HistoryEntry(probedAt, v.cause(), v.edgeStatus(), v.httpStatus(), warnings,
                v.result().headerBytes(), micros, detail);
    }

    private static int micros(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(d.toNanos() / 1_000.0));
    }

    public boolean up() {
        return cause.healthy();
    }

    /** The phase timings, at microsecond precision. */
    public PhaseTimings timings() {
        Map<Phase, Duration> byPhase = new EnumMap<>(Phase.class);
        for (Phase p : PHASES) {
            if (micros[p.ordinal()] >= 0) {
                byPhase.put(p, Duration.ofNanos(micros[p.ordinal()] * 1_000L));
            }
        }
        return new PhaseTimings(byPhase);
    }
}
