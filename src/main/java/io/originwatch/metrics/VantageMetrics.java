package io.originwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code originwatch_vantage_info{vantage}}: always 1, the label naming this place
 * ({@code originwatch.vantage}). Per-origin series carry no vantage label: a global Prometheus adds
 * one with {@code external_labels} (docs/cluster.md#multi-vantage-quorum).
 */
@ApplicationScoped
public class VantageMetrics {

    @Inject
    MeterRegistry meters;

    /** The daemon started as vantage {@code vantage}: its one series appears. */
    public void started(String vantage) {
        Gauge.builder("originwatch.vantage.info", () -> 1)
                .tag("vantage", vantage)
                .description("Always 1; the vantage label is this place's name (originwatch.vantage)")
                .strongReference(true)
                .register(meters);
    }
}
