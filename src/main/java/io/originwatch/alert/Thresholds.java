package io.originwatch.alert;

/**
 * How many consecutive results change an origin's alert state (gatus's failure-threshold and
 * success-threshold).
 *
 * @param failures consecutive bad probes before the alert fires (default 2)
 * @param successes consecutive good probes before a firing alert resolves (default 2)
 */
public record Thresholds(int failures, int successes) {

    public static final int DEFAULT_FAILURE_THRESHOLD = 2;
    public static final int DEFAULT_SUCCESS_THRESHOLD = 2;
    public static final Thresholds DEFAULT = new Thresholds(DEFAULT_FAILURE_THRESHOLD, DEFAULT_SUCCESS_THRESHOLD);

    public Thresholds {
        if (failures < 1) {
            throw new IllegalArgumentException("failure-threshold must be at least 1, got " + failures);
        }
        if (successes < 1) {
            throw new IllegalArgumentException("success-threshold must be at least 1, got " + successes);
        }
    }
}
