package io.originwatch.origin;

import io.originwatch.classify.Cause;

/**
 * Failures and successes in a row: the one streak rule, shared by the API's
 * {@code consecutiveFailures} / {@code consecutiveSuccesses} (the origin's state) and the alerts'
 * thresholds ({@code alert.AlertTracker}), so the two can never disagree:
 * <ol>
 * <li>a healthy cause ({@code ok}) counts a success and zeroes the failures;</li>
 * <li>any other cause except {@code probe_error} counts a failure and zeroes the successes;</li>
 * <li>a {@code probe_error} (originwatch failed locally, nothing is known about the origin) counts
 * neither and zeroes nothing: the streak goes on as if that probe had not run. Paging someone
 * about their origin, or resolving its alert, on a fault of our own would be wrong.</li>
 * </ol>
 * Not thread-safe: its owner records under its own lock.
 */
public final class Streak {

    /** What one result did to the streak. */
    public enum Step {
        FAILURE,
        SUCCESS,
        /** A {@code probe_error}: nothing changed. */
        NONE
    }

    private int failures;
    private int successes;

    public Streak() {}

    /** A streak restored from saved state: at most one of the two counts is above 0. */
    public Streak(int failures, int successes) {
        if (failures < 0 || successes < 0 || (failures > 0 && successes > 0)) {
            throw new IllegalArgumentException(
                    "a streak is failures or successes in a row, got " + failures + " and " + successes);
        }
        this.failures = failures;
        this.successes = successes;
    }

    /** Whether a result of this cause counts in a streak at all (rule 3). */
    public static boolean counts(Cause cause) {
        return cause != Cause.PROBE_ERROR;
    }

    /** Applies one result's cause. */
    public Step record(Cause cause) {
        if (!counts(cause)) {
            return Step.NONE;
        }
        if (cause.healthy()) {
            successes++;
            failures = 0;
            return Step.SUCCESS;
        }
        failures++;
        successes = 0;
        return Step.FAILURE;
    }

    /** Failures in a row (0 after a success). */
    public int failures() {
        return failures;
    }

    /** Successes in a row (0 after a failure). */
    public int successes() {
        return successes;
    }
}
