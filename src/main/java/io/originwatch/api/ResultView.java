package io.originwatch.api;

import io.originwatch.classify.Warning;
import io.originwatch.origin.HistoryEntry;
import java.util.List;

/** One probe result in the history. */
public record ResultView(
        String cause,
        Integer edgeStatus,
        Integer httpStatus,
        boolean up,
        List<String> warnings,
        Integer headerBytes,
        TimingsView timings,
        String probedAt,
        String detail) {

    /** A history entry, or the latest result through {@link HistoryEntry#of(io.originwatch.origin.ProbeRecord)}: one mapping for both. */
    public static ResultView of(HistoryEntry e) {
        return new ResultView(
                e.cause().label(),
                e.edgeStatus(),
                e.httpStatus() == 0 ? null : e.httpStatus(),
                e.up(),
                e.warnings().stream().map(Warning::label).toList(),
                e.headerBytes(),
                TimingsView.of(e.timings()),
                e.probedAt().toString(),
                e.detail());
    }
}
