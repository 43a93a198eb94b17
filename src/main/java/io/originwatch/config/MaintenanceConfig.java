package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maintenance windows, {@code originwatch.maintenance.*} (docs/configuration.md#maintenance-windows);
 * the origins file's top-level {@code maintenance} has the same shape. Values stay text here and are
 * checked, with errors naming their keys, by {@link MaintenanceSettings}.
 */
@ConfigMapping(prefix = "originwatch.maintenance")
public interface MaintenanceConfig {

    /** The windows, in order; none by default. */
    Optional<List<Window>> windows();

    /** {@code windows[n].*}. */
    interface Window {

        /** {@code [a-z0-9._-]+}, unique across the main config and the origins file. */
        Optional<String> name();

        /** Origin names or globs ({@code *}, {@code ?}) the window covers. */
        Optional<List<String>> origins();

        /** Labels an origin must carry to be covered (with {@code origins}: both must match). */
        Map<String, String> labels();

        /** Why; shown on the API. */
        Optional<String> comment();

        /** Alertmanager {@code <time_interval_spec>}s: the window is open when any of them contains the instant. */
        @WithName("time-intervals")
        Optional<List<Interval>> timeIntervals();

        /** A one-off window's start (RFC 3339, included). */
        Optional<String> start();

        /** A one-off window's end (RFC 3339, excluded). */
        Optional<String> end();
    }

    /** One {@code <time_interval_spec>}, with Alertmanager's field names. */
    interface Interval {

        Optional<List<Times>> times();

        Optional<List<String>> weekdays();

        @WithName("days_of_month")
        Optional<List<String>> daysOfMonth();

        Optional<List<String>> months();

        Optional<List<String>> years();

        /** IANA time zone the wall clock is read in; default UTC. */
        Optional<String> location();
    }

    /** {@code times[n]}: {@code start_time} / {@code end_time}, HH:MM. */
    interface Times {

        @WithName("start_time")
        Optional<String> startTime();

        @WithName("end_time")
        Optional<String> endTime();
    }
}
