package io.originwatch.api;

import io.originwatch.evidence.EdgeComparison;
import io.originwatch.evidence.EdgeObservation;
import io.originwatch.evidence.OriginEvidence;
import io.originwatch.evidence.RayId;
import java.util.List;
import java.util.Map;

/**
 * The via-edge probe beside the direct one: the edge's last answer, how the two compare, and the
 * ray IDs of the edge's last 5xx answers (UTC). Fields are null until the first via-edge probe ends.
 *
 * @param comparison  {@code both_healthy}, {@code edge_failing}, {@code origin_failing} or {@code both_failing}
 * @param mismatch    the two paths disagree (one healthy, one failing)
 */
public record ViaEdgeView(
        String url,
        Integer status,
        String cause,
        Boolean up,
        String cfRay,
        String cfCacheStatus,
        String server,
        Map<String, Double> timings,
        String probedAt,
        String detail,
        String comparison,
        Boolean mismatch,
        String explanation,
        List<RayView> rayIds) {

    /** One kept ray ID. */
    public record RayView(String id, String at, int status) {}

    static ViaEdgeView of(String url, OriginEvidence ev) {
        EdgeObservation o = ev == null ? null : ev.edgeObservation();
        List<RayView> rays = ev == null
                ? List.of()
                : ev.rayIds().stream().map(ViaEdgeView::ray).toList();
        if (o == null) {
            return new ViaEdgeView(
                    url,
                    null,
                    ResultView.PENDING.cause(),
                    null,
                    null,
                    null,
                    null,
                    Map.of(),
                    null,
                    ResultView.PENDING.detail(),
                    null,
                    null,
                    null,
                    rays);
        }
        EdgeComparison c = ev.comparison();
        return new ViaEdgeView(
                url,
                o.status(),
                o.cause(),
                o.up(),
                o.cfRay(),
                o.cfCacheStatus(),
                o.server(),
                o.timingsMillis(),
                o.probedAt().toString(),
                o.detail(),
                c == null ? null : c.label(),
                c == null ? null : c.mismatch(),
                c == null ? null : c.explanation(),
                rays);
    }

    private static RayView ray(RayId r) {
        return new RayView(r.id(), r.at().toString(), r.status());
    }
}
