package io.originwatch.discovery;

import java.time.Instant;
import java.util.List;

/**
 * The last run of one discovery source, for {@code GET /api/discovery}.
 *
 * @param source  e.g. {@code cloudflare}
 * @param lastRun when the run ended, null before the first
 * @param outcome {@code success} or {@code failure}, null before the first run
 * @param found   origins in force from this source
 * @param skipped what the last successful run skipped, and why
 * @param added   origins the last applied result started
 * @param removed origins the last applied result stopped
 * @param error   why the last run failed (the previous origins keep running), else null
 */
public record SourceStatus(
        String source,
        Instant lastRun,
        String outcome,
        int found,
        List<Skipped> skipped,
        int added,
        int removed,
        String error) {

    public SourceStatus {
        skipped = List.copyOf(skipped);
    }

    public static SourceStatus notRunYet(String source) {
        return new SourceStatus(source, null, null, 0, List.of(), 0, 0, null);
    }
}
