package io.originwatch.origin;

import io.originwatch.classify.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * One finished probe as kept in an origin's state.
 *
 * <p>One clock per probe: {@link #probedAt()} is the probe's own start ({@code ProbeResult.startedAt},
 * taken by the prober as the probe begins), the same instant the HAR's {@code startedDateTime} and
 * an alert's {@code probedAt} and {@code startsAt} are built from. There is no second timestamp to
 * keep in step.
 */
public record ProbeRecord(Verdict verdict) implements java.io.Serializable {

    public ProbeRecord {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(verdict.result(), "verdict.result");
    }

    /** When the probe started. */
    public Instant probedAt() {
        return verdict.result().startedAt();
    }
}
