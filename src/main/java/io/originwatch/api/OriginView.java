package io.originwatch.api;

import io.originwatch.app.EvidenceRecorder;
import io.originwatch.app.MaintenanceService;
import io.originwatch.evidence.OriginEvidence;
import io.originwatch.evidence.Redactor;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.Ownership;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An origin and its latest result. Before the first probe ends: cause {@code pending}, no statuses,
 * timings or probedAt. Timings in milliseconds, probedAt ISO-8601 (UTC). {@code source} says where the
 * origin came from: {@code config}, {@code origins-file}, {@code lab}, {@code discovery:cloudflare} or
 * {@code discovery:kubernetes}. {@code httpVersion} and
 * {@code alpn} as on {@link ResultView}.
 *
 * @param limits       the budgets the probe runs against (timeouts, header limit)
 * @param tls          the latest handshake's facts (also when validation failed), null for http
 * @param parseFailure why and at which byte the response head was refused, or null
 * @param stoppedIn    the phase a failed probe stopped in (see {@link StoppedIn}), or null
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
        String httpVersion,
        String alpn,
        Map<String, String> labels,
        int consecutiveFailures,
        int consecutiveSuccesses,
        String lastCauseChange,
        String curl,
        ViaEdgeView viaEdge,
        MaintenanceView maintenance,
        String source,
        LimitsView limits,
        TlsView tls,
        ParseFailureView parseFailure,
        String stoppedIn,
        String owner) {

    /**
     * The view of a daemon's origin: its state, with the curl line of the latest probe, the
     * evidence the recorder keeps for it (issue 7), its maintenance now (issue 17) and, in cluster
     * mode, the owner's address as {@code host:port} (null standalone).
     */
    public static OriginView of(
            OriginStateView state, EvidenceRecorder evidence, MaintenanceService maintenance, Ownership ownership) {
        String curl =
                state.latest().map(p -> evidence.curl(p.verdict().result())).orElse(null);
        return of(state, curl, evidence, maintenance, ownership);
    }

    /**
     * The view as a list of the whole fleet shows it (the console's overview and live rows): the
     * same as {@link #of(OriginStateView, EvidenceRecorder, MaintenanceService, Ownership)} without
     * the curl line, which no list shows and which was two thirds of the overview's time at 10,000
     * origins (bench/ConsoleOverview.java). {@code curl} is null.
     */
    public static OriginView listed(
            OriginStateView state, EvidenceRecorder evidence, MaintenanceService maintenance, Ownership ownership) {
        return of(state, null, evidence, maintenance, ownership);
    }

    private static OriginView of(
            OriginStateView state,
            String curl,
            EvidenceRecorder evidence,
            MaintenanceService maintenance,
            Ownership ownership) {
        Origin o = state.origin();
        return of(
                state,
                curl,
                evidence.evidence(o.name()).orElse(null),
                evidence.redactor(),
                MaintenanceView.of(maintenance.of(o.name(), o.labels())),
                ownership.ownerOf(o.name()).orElse(null));
    }

    /**
     * The one way to build the view: the latest result mapped as the history maps it, or {@link
     * ResultView#PENDING} before the first probe ends; then the origin's counters, its curl line
     * ({@code curl}, null before the first probe) and the via-edge result beside it from
     * {@code kept} (null when nothing is kept) and the owner ({@code owner}, null standalone); URLs go
     * through {@code redactor} (secrets in a query
     * never leave the daemon). Public because the command line's
     * {@code check --json} prints its result through it, so that output has the API's shape by
     * construction.
     */
    public static OriginView of(
            OriginStateView state,
            String curl,
            OriginEvidence kept,
            Redactor redactor,
            MaintenanceView maintenance,
            String owner) {
        Origin o = state.origin();
        ResultView r = state.latest().map(HistoryEntry::of).map(ResultView::of).orElse(ResultView.PENDING);
        ViaEdgeView edge = o.viaEdge() == null
                ? null
                : ViaEdgeView.of(redactor.url(o.viaEdge().url().toString()), kept);
        return new OriginView(
                o.name(),
                redactor.url(o.spec().url().toString()),
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
                r.httpVersion(),
                r.alpn(),
                o.labels(),
                state.consecutiveFailures(),
                state.consecutiveSuccesses(),
                state.lastCauseChange().map(Instant::toString).orElse(null),
                curl,
                edge,
                maintenance,
                state.sourceLabel(),
                LimitsView.of(o.spec()),
                state.latest()
                        .map(p -> TlsView.of(p.verdict().result().tls(), p.probedAt()))
                        .orElse(null),
                state.latest()
                        .map(p -> ParseFailureView.of(p.verdict().result()))
                        .orElse(null),
                state.latest()
                        .map(p -> StoppedIn.of(p.verdict().result().failure()))
                        .orElse(null),
                owner);
    }

    /** Before the first probe of the origin ended. */
    public boolean pending() {
        return cause.equals(ResultView.PENDING.cause());
    }
}
