package io.originwatch.evidence;

import io.originwatch.classify.Verdict;
import io.originwatch.http1.ResponseHead;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the edge answered to the via-edge probe.
 *
 * @param status        the edge's HTTP status, 0 when no response came (DNS, connect or TLS to the edge failed)
 * @param cause         the probe's cause label (e.g. {@code unexpected_status} for a 520 page)
 * @param up            the answer was healthy (a status in the origin's expect-status)
 * @param cfRay         the {@code cf-ray} header, or null
 * @param cfCacheStatus the {@code cf-cache-status} header, or null
 * @param server        the {@code server} header, or null
 * @param timingsMillis phases that happened, in milliseconds
 */
public record EdgeObservation(
        Instant probedAt,
        String url,
        int status,
        String cause,
        boolean up,
        String cfRay,
        String cfCacheStatus,
        String server,
        Map<String, Double> timingsMillis,
        String detail) {

    public static EdgeObservation of(Verdict v) {
        ResponseHead head = v.result().head();
        Map<String, Double> timings = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            v.result().timings().get(p).ifPresent(d -> timings.put(p.label(), PhaseTimings.millis(d)));
        }
        return new EdgeObservation(
                v.result().startedAt(),
                v.result().spec().url().toString(),
                head == null ? 0 : head.status(),
                v.cause().label(),
                v.up(),
                header(head, "cf-ray"),
                header(head, "cf-cache-status"),
                header(head, "server"),
                Map.copyOf(timings),
                v.detail());
    }

    private static String header(ResponseHead head, String name) {
        return head == null ? null : head.first(name).orElse(null);
    }

    /** A 5xx answer from the edge carrying a ray ID worth keeping. */
    public boolean serverError() {
        return status >= 500 && status <= 599;
    }
}
