package io.originwatch.classify;

import io.originwatch.probe.ProbeResult;
import java.time.Instant;
import java.util.Objects;

/**
 * Maps a probe result to the first matching cause of the catalogue ({@link CauseRules#ORDERED}),
 * the status the edge would answer, warnings, and a one-line human detail. Stateless and
 * thread-safe; never throws for any result the prober can produce.
 */
public final class Classifier {

    /** {@code now} decides certificate_expiring; pass the probe's time in tests. */
    public Verdict classify(ProbeResult result, Instant now) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(now, "now");
        CauseRule rule = CauseRules.ORDERED.stream()
                .filter(r -> r.matches().test(result))
                .findFirst()
                .orElseThrow();
        Cause cause = rule.cause();
        int httpStatus = result.head() != null ? result.head().status() : 0;
        int fixed = rule.edgeStatus().applyAsInt(result);
        int edgeStatus = fixed != 0 ? fixed : httpStatus;
        return new Verdict(
                result,
                cause,
                edgeStatus,
                httpStatus,
                WarningRules.of(result, cause, now),
                rule.detail().apply(result));
    }
}
