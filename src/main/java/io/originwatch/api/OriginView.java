package io.originwatch.api;

import io.originwatch.app.EvidenceRecorder;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.Ownership;
import io.originwatch.origin.ProbeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An origin and its latest result. Before the first probe ends: cause {@code pending}, no statuses,
 * timings or probedAt. Timings in milliseconds, probedAt ISO-8601 (UTC).
 */
public record OriginView(
        String name,
        String url,
        String host,
        String cause,
        Integer edgeStatus,
        Integer httpStatus,
        boolean up,
        List<String> warnings,
        Integer headerBytes,
        TimingsView timings,
        String probedAt,
        String detail,
        Map<String, String> labels,
        int consecutiveFailures,
        int consecutiveSuccesses,
        String lastCauseChange,
        String curl,
        ViaEdgeView viaEdge,
        String owner) {

    /**
     * The one way to build the view: the latest result mapped as the history maps it, or {@link
     * ResultView#PENDING} before the first probe ends; then the origin's counters, its curl line and
     * the via-edge result beside it (issue 7); in cluster mode the owner's address as {@code host:port}
     * (null standalone).
     */
    static OriginView of(OriginStateView state, EvidenceRecorder evidence, Ownership ownership) {
        Origin o = state.origin();
        Optional<ProbeRecord> latest = state.latest();
        ResultView r = latest.map(HistoryEntry::of).map(ResultView::of).orElse(ResultView.PENDING);
        String curl = latest.map(p -> evidence.curl(p.verdict().result())).orElse(null);
        ViaEdgeView edge = o.viaEdge() == null
                ? null
                : ViaEdgeView.of(
                        evidence.redactor().url(o.viaEdge().url().toString()),
                        evidence.evidence(o.name()).orElse(null));
        return new OriginView(
                o.name(),
                evidence.redactor().url(o.spec().url().toString()),
                o.spec().host(),
                r.cause(),
                r.edgeStatus(),
                r.httpStatus(),
                r.up(),
                r.warnings(),
                r.headerBytes(),
                r.timings(),
                r.probedAt(),
                r.detail(),
                o.labels(),
                state.consecutiveFailures(),
                state.consecutiveSuccesses(),
                state.lastCauseChange().map(Instant::toString).orElse(null),
                curl,
                edge,
                ownership.ownerOf(o.name()).orElse(null));
    }
}
