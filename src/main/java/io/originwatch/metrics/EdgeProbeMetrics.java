package io.originwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.originwatch.evidence.EdgeComparison;
import io.originwatch.evidence.EdgeObservation;
import io.originwatch.origin.EdgeProbeCompleted;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ViaEdgeDropped;
import io.originwatch.schedule.ProbeObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code originwatch_edge_status{origin}} (the edge's last status, 0 when it gave no answer) and
 * {@code originwatch_edge_mismatch{origin}} (1 when the direct and via-edge probes disagree: one
 * healthy, one failing). Only origins with a {@code via-edge-url} have them; they go with the origin, or with its
 * {@code via-edge-url}.
 */
@ApplicationScoped
public class EdgeProbeMetrics implements ProbeObserver {

    @Inject
    MeterRegistry registry;

    /** The two values of one origin and the gauges that read them. */
    private record Series(AtomicInteger status, AtomicInteger mismatch, Gauge statusGauge, Gauge mismatchGauge) {}

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    @Override
    public Stage stage() {
        return Stage.METRICS;
    }

    @Override
    public void onEdgeProbe(EdgeProbeCompleted event) {
        Series s = series.computeIfAbsent(event.origin(), this::register);
        EdgeObservation edge = EdgeObservation.of(event.edge());
        s.status().set(edge.status());
        s.mismatch().set(EdgeComparison.of(event.direct().up(), edge.up()).mismatch() ? 1 : 0);
    }

    void onRemoved(@Observes OriginRemoved event) {
        removeSeries(event.origin());
    }

    void onViaEdgeDropped(@Observes ViaEdgeDropped event) {
        removeSeries(event.origin());
    }

    private void removeSeries(String origin) {
        Series s = series.remove(origin);
        if (s != null) {
            registry.remove(s.statusGauge());
            registry.remove(s.mismatchGauge());
        }
    }

    private Series register(String origin) {
        AtomicInteger status = new AtomicInteger();
        AtomicInteger mismatch = new AtomicInteger();
        Gauge sg = Gauge.builder("originwatch.edge.status", status, AtomicInteger::get)
                .tag("origin", origin)
                .description("HTTP status of the edge's last answer to the via-edge probe (0 = no answer)")
                .register(registry);
        Gauge mg = Gauge.builder("originwatch.edge.mismatch", mismatch, AtomicInteger::get)
                .tag("origin", origin)
                .description("1 when the direct and via-edge probes disagree (one healthy, one failing), else 0")
                .register(registry);
        return new Series(status, mismatch, sg, mg);
    }
}
