package io.originwatch.probe;

import java.time.Duration;

/** A point on the monotonic clock; reads and connects get the time left until it, never more. */
record Deadline(long atNanos) {

    static Deadline after(long startNanos, Duration budget) {
        return new Deadline(startNanos + budget.toNanos());
    }

    long remainingNanos() {
        return atNanos - System.nanoTime();
    }

    boolean passed() {
        return remainingNanos() <= 0;
    }

    /** Time left in whole milliseconds, rounded up and at least 1 (0 means "no timeout" to sockets). */
    int remainingMillisAtLeastOne() {
        long ms = (remainingNanos() + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    /** The earlier of the two. */
    Deadline min(Deadline other) {
        return atNanos - other.atNanos <= 0 ? this : other;
    }
}
