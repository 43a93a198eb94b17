package io.originwatch.api;

import io.originwatch.classify.Warning;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.probe.PhaseTimings;
import java.util.List;

/**
 * One probe result in the history. {@code inMaintenance}: the probe started inside a maintenance
 * window. {@code httpVersion}: {@code HTTP/2} or {@code HTTP/1.1} as spoken (null when no request
 * went out); {@code alpn}: the protocol the origin selected in ALPN ({@code h2}, {@code http/1.1}),
 * null when none was negotiated.
 */
public record ResultView(
        String cause,
        Integer edgeStatus,
        Integer httpStatus,
        boolean up,
        List<String> warnings,
        Integer headerBytes,
        TimingsView timings,
        String probedAt,
        String detail,
        boolean inMaintenance,
        String httpVersion,
        String alpn) {

    /** What an origin shows before its first probe ends: no statuses, timings or probedAt. */
    static final ResultView PENDING = new ResultView(
            "pending",
            null,
            null,
            false,
            List.of(),
            null,
            TimingsView.of(PhaseTimings.none()),
            null,
            "not probed yet",
            false,
            null,
            null);

    /** The history as {@code /history} and the support bundle's history.json show it: newest first. */
    static List<ResultView> newestFirst(List<HistoryEntry> history) {
        return history.reversed().stream().map(ResultView::of).toList();
    }

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
                e.detail(),
                e.inMaintenance(),
                e.httpVersion(),
                e.alpn());
    }
}
