package io.originwatch.probe;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Durations of the phases that happened; a phase that did not happen is absent, never zero. */
public record PhaseTimings(Map<Phase, Duration> byPhase) implements java.io.Serializable {

    public PhaseTimings {
        EnumMap<Phase, Duration> copy = new EnumMap<>(Phase.class);
        copy.putAll(byPhase);
        byPhase = Collections.unmodifiableMap(copy);
    }

    public static PhaseTimings none() {
        return new PhaseTimings(Map.of());
    }

    public Optional<Duration> get(Phase phase) {
        return Optional.ofNullable(byPhase.get(phase));
    }

    /**
     * The one rounding of a phase for people and files (API, HAR, history): whole microseconds,
     * half up. Microseconds are plenty for network phases and keep the JSON short.
     */
    public static long micros(Duration d) {
        return Math.round(d.toNanos() / 1_000.0);
    }

    /** {@code d} in milliseconds at {@link #micros} precision (for JSON). */
    public static double millis(Duration d) {
        return micros(d) / 1_000.0;
    }
}
