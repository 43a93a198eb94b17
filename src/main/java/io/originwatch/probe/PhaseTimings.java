package io.originwatch.probe;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Durations of the phases that happened; a phase that did not happen is absent, never zero.
 *
 * <p>Kept as one {@code long} of nanoseconds per {@link Phase} ({@value #ABSENT} for a phase that
 * did not happen): every origin holds its latest result, and at 100,000 origins an {@code EnumMap}
 * of {@code Duration}s (about 260 bytes) against this array (72 bytes) is 19 MB of live heap.
 *
 * @param nanosByPhase nanoseconds by {@link Phase#ordinal()}, {@value #ABSENT} when absent; copied in
 *                     and out, so the value stays immutable
 */
public record PhaseTimings(long[] nanosByPhase) implements java.io.Serializable {

    /** The value of a phase that did not happen. */
    public static final long ABSENT = -1;

    private static final Phase[] PHASES = Phase.values();

    private static final PhaseTimings NONE = new PhaseTimings(Map.of());

    public PhaseTimings {
        if (nanosByPhase.length != PHASES.length) {
            throw new IllegalArgumentException("expected " + PHASES.length + " phases, got " + nanosByPhase.length);
        }
        nanosByPhase = nanosByPhase.clone();
    }

    /** The phases in {@code byPhase}; a phase not in it is absent. */
    public PhaseTimings(Map<Phase, Duration> byPhase) {
        this(array(byPhase));
    }

    private static long[] array(Map<Phase, Duration> byPhase) {
        long[] nanos = new long[PHASES.length];
        Arrays.fill(nanos, ABSENT);
        byPhase.forEach((phase, d) -> nanos[phase.ordinal()] = d.toNanos());
        return nanos;
    }

    public static PhaseTimings none() {
        return NONE;
    }

    @Override
    public long[] nanosByPhase() {
        return nanosByPhase.clone();
    }

    /** The phase's nanoseconds, or {@link #ABSENT}; reads without allocating (the scrape's path). */
    public long nanos(Phase phase) {
        return nanosByPhase[phase.ordinal()];
    }

    public Optional<Duration> get(Phase phase) {
        long n = nanos(phase);
        return n == ABSENT ? Optional.empty() : Optional.of(Duration.ofNanos(n));
    }

    /** The phases that happened, in phase order, as a new read-only map. */
    public Map<Phase, Duration> byPhase() {
        EnumMap<Phase, Duration> map = new EnumMap<>(Phase.class);
        for (Phase p : PHASES) {
            long n = nanos(p);
            if (n != ABSENT) {
                map.put(p, Duration.ofNanos(n));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhaseTimings other && Arrays.equals(nanosByPhase, other.nanosByPhase);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nanosByPhase);
    }

    @Override
    public String toString() {
        return "PhaseTimings" + byPhase();
    }

    /**
     * The one rounding of a phase for people and files (API, HAR, history): whole microseconds,
     * half up. Microseconds are plenty for network phases and keep the JSON short.
     */
    public static long micros(Duration d) {
        return micros(d.toNanos());
    }

    /** {@link #micros(Duration)} of a duration in nanoseconds. */
    public static long micros(long nanos) {
        return Math.round(nanos / 1_000.0);
    }

    /** {@code d} in milliseconds at {@link #micros} precision (for JSON). */
    public static double millis(Duration d) {
        return micros(d) / 1_000.0;
    }
}
