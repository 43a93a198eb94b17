package io.originwatch.schedule;

import java.time.Duration;

/**
 * Observes probe running (metrics subscribe here; the schedule package never touches Micrometer, as
 * {@link io.originwatch.alert.DispatchListener} does for alerting). Called on Quartz's and the
 * probes' threads; must be fast and never throw. Every method has an empty default. What can be read
 * instead of observed is not an event: the probes in flight ({@link ProbeRunner#inFlight()}) and the
 * origins scheduled ({@link OriginRegistry#size()}).
 */
public interface ScheduleListener {

    ScheduleListener NONE = new ScheduleListener() {};

    /** Why a scheduled run did not probe. */
    enum Skip {
        /** The origin's previous probe was still in flight. */
        IN_FLIGHT("in_flight"),
        /** The run came more than one interval late. */
        LATE("late");

        private final String label;

        Skip(String label) {
            this.label = label;
        }

        /** The {@code reason} label value. */
        public String label() {
            return label;
        }
    }

    /** A scheduled probe took its permit {@code lag} after its due time (zero when early). */
    default void started(Duration lag) {}

    /** A scheduled run was skipped, never queued. */
    default void skipped(Skip reason) {}
}
