package io.originwatch.probe;

import java.util.Arrays;

/**
 * The phase durations of one probe as they are measured, in nanoseconds by {@link Phase#ordinal()}
 * ({@link PhaseTimings#ABSENT} until measured): what {@link PhaseTimings} keeps, without the
 * {@code EnumMap} and {@code Duration} per phase in between. Written by the probe's thread only.
 */
final class PhaseNanos {

    private static final int PHASES = Phase.values().length;

    private final long[] nanos = new long[PHASES];

    PhaseNanos() {
        Arrays.fill(nanos, PhaseTimings.ABSENT);
    }

    void put(Phase phase, long durationNanos) {
        nanos[phase.ordinal()] = durationNanos;
    }

    /** The time since {@code startNanos} (a {@link System#nanoTime()}) as {@code phase}. */
    void since(Phase phase, long startNanos) {
        put(phase, System.nanoTime() - startNanos);
    }

    PhaseTimings timings() {
        return new PhaseTimings(nanos);
    }
}
