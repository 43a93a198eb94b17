package io.originwatch.alert;

import java.time.Duration;

/**
 * Exponential backoff between retries of one notification: initial, doubling, capped.
 *
 * @param initial delay after the first failed attempt (default 500 ms)
 * @param max     cap on the delay (default 30 s)
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** Delay after {@code failures} consecutive failed attempts (1 = the first failure). */
    public Duration delay(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
