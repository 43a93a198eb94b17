package io.originwatch.api;

import io.originwatch.classify.EdgeLimits;
import io.originwatch.probe.ProbeSpec;
import java.time.Duration;

/**
 * The budgets a probe of this origin runs against, in milliseconds and bytes: what the waterfall
 * and the header meter are drawn against.
 *
 * @param connectTimeoutMs  bound on the TCP handshake
 * @param responseTimeoutMs bound from request sent to the complete header section
 * @param slowResponseMs    time to first byte at which {@code slow_response} warns
 * @param headerLimitBytes  the edge's header-section limit
 * @param headersNearLimitBytes header bytes at which {@code headers_near_limit} warns
 */
public record LimitsView(
        double connectTimeoutMs,
        double responseTimeoutMs,
        double slowResponseMs,
        int headerLimitBytes,
        int headersNearLimitBytes) {

    static LimitsView of(ProbeSpec spec) {
        double response = ms(spec.responseTimeout());
        return new LimitsView(
                ms(spec.connectTimeout()),
                response,
                response * EdgeLimits.SLOW_RESPONSE_SHARE,
                spec.headerLimitBytes(),
                (int) Math.ceil(spec.headerLimitBytes() * EdgeLimits.HEADERS_NEAR_LIMIT_SHARE));
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1_000_000.0;
    }
}
