package io.originwatch.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.originwatch.schedule.OriginRemoved;
import io.originwatch.schedule.ProbeCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-origin Prometheus series, fed by the daemon's events (the prober never calls Micrometer).
 * Series appear with an origin's first result and disappear with the origin.
 */
@ApplicationScoped
public class OriginMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<String, OriginSeries> series = new ConcurrentHashMap<>();

    void onProbe(@Observes ProbeCompleted event) {
        OriginSeries s = series.computeIfAbsent(event.origin(), o -> new OriginSeries(registry, o));
        synchronized (s) {
            s.update(event.verdict());
        }
    }

    void onRemoved(@Observes OriginRemoved event) {
        OriginSeries s = series.remove(event.origin());
        if (s != null) {
            synchronized (s) {
                s.removeAll();
            }
        }
    }
}
