package io.originwatch.cli;

/**
 * What {@code check} exits with. Scripts and CI jobs branch on it, so the numbers never change.
 */
enum ExitStatus {
    /** The cause is {@code ok} (for {@code --config}: every origin's). */
    OK(0),
    /** Any other cause of the catalogue: a 520-526 or {@code unexpected_status}. */
    FAILING(1),
    /** A usage or configuration error; the message names the option or key. */
    USAGE(2),
    /** originwatch itself failed (including a probe that failed locally: {@code probe_error}). */
    INTERNAL(3);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The worse of two: internal over failing over ok (usage errors never reach a comparison). */
    ExitStatus worst(ExitStatus other) {
        return other.code > code ? other : this;
    }
}
