package io.originwatch.metrics;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.schedule.OriginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-origin Prometheus series (the prober never calls Micrometer). Series appear with an origin's
 * first result and disappear with the origin; the gauges of facts every result has read the
 * origin's state itself ({@link io.originwatch.origin.OriginStateView}), events only add and remove
 * the series whose presence or labels change.
 */
@ApplicationScoped
public class OriginMetrics {

    /**
     * The Prometheus registry itself, not the application's composite: through the composite every
     * meter exists twice (the composite's and the Prometheus one, each with its own id and tags),
     * about 8 KB per origin, 80 MB of heap for 10,000 origins. The series are scraped the same.
     */
    @Inject
    PrometheusMeterRegistry registry;

    @Inject
    OriginRegistry origins;

    private final Map<String, OriginSeries> series = new ConcurrentHashMap<>();

    void onProbe(@Observes ProbeCompleted event) {
        OriginSeries s = origins.state(event.origin())
                .map(state -> series.computeIfAbsent(event.origin(), o -> new OriginSeries(registry, state)))
                .orElse(null);
        if (s == null) {
            return; // removed meanwhile: its series went (or never came)
        }
        synchronized (s) {
            s.update(event.verdict());
        }
    }

    void onRemoved(@Observes OriginRemoved event) {
        disowned(event.origin());
    }

    /**
     * This member no longer owns {@code origin} (cluster mode): its series go, so only the owner
     * exports them and Prometheus sums members without counting an origin twice.
     */
    public void disowned(String origin) {
        OriginSeries s = series.remove(origin);
        if (s != null) {
            synchronized (s) {
                s.removeAll();
            }
        }
    }
}
