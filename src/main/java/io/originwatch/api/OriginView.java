package io.originwatch.api;

import io.originwatch.app.EvidenceRecorder;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.Origin;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.schedule.OriginState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An origin and its latest result. Before the first probe ends: cause {@code pending}, no statuses,
 * timings or probedAt. Timings in milliseconds, probedAt ISO-8601 (UTC).
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
        Map<String, String> labels,
        int consecutiveFailures,
        int consecutiveSuccesses,
        String lastCauseChange,
        String curl,
        ViaEdgeView viaEdge,
        LimitsView limits,
        TlsView tls,
        ParseFailureView parseFailure,
        String stoppedIn) {

    public static final String PENDING = "pending";

    /** With the evidence (issue 7): the curl line of the latest probe and the via-edge result beside it. */
    public static OriginView of(OriginState state, EvidenceRecorder evidence) {
        OriginView v = of(state);
        ProbeRecord latest = state.latest().orElse(null);
        String curl =
                state.latest().map(r -> evidence.curl(r.verdict().result())).orElse(null);
        ViaEdgeView edge = state.origin().viaEdge() == null
                ? null
                : ViaEdgeView.of(
                        state.origin().viaEdge().url().toString(),
                        evidence.evidence(v.name()).orElse(null));
        return new OriginView(
                v.name(),
                v.url(),
                v.host(),
                v.cause(),
                v.edgeStatus(),
                v.httpStatus(),
                v.up(),
                v.warnings(),
                v.headerBytes(),
                v.timings(),
                v.probedAt(),
                v.detail(),
                v.labels(),
                v.consecutiveFailures(),
                v.consecutiveSuccesses(),
                v.lastCauseChange(),
                curl,
                edge,
                v.limits(),
                latest == null ? null : TlsView.of(latest.verdict().result().tls(), latest.probedAt()),
                latest == null ? null : ParseFailureView.of(latest.verdict().result()),
                latest == null ? null : StoppedIn.of(latest.verdict().result().failure()));
    }

    /** Without the evidence (curl, via edge, TLS facts, parse failure): what the overview counts. */
    public static OriginView of(OriginState state) {
        Origin o = state.origin();
        Optional<ProbeRecord> latest = state.latest();
        String changed = state.lastCauseChange().map(Instant::toString).orElse(null);
        if (latest.isEmpty()) {
            return new OriginView(
                    o.name(),
                    o.spec().url().toString(),
                    o.spec().host(),
                    PENDING,
                    null,
                    null,
                    false,
                    List.of(),
                    null,
                    TimingsView.none(),
                    null,
                    "not probed yet",
                    o.labels(),
                    0,
                    0,
                    null,
                    null,
                    null,
                    LimitsView.of(o.spec()),
                    null,
                    null,
                    null);
        }
        ResultView r = ResultView.of(HistoryEntry.of(latest.get()));
        return new OriginView(
                o.name(),
                o.spec().url().toString(),
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
                changed,
                null,
                null,
                LimitsView.of(o.spec()),
                null,
                null,
                null);
    }
}
