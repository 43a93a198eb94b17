package io.originwatch.metrics;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.ProbeObserver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-origin Prometheus series (the prober never calls Micrometer). One collector on the Prometheus
 * registry writes them at scrape time from each origin's state
 * ({@link io.originwatch.origin.OriginStateView}); the only per-origin value kept here is what the
 * state does not hold, the count of probes by cause. The status, interval, deadline and last-probe
 * series exist from the first scrape (a pending origin has {@code cause="pending"}), the others from
 * an origin's first result; all disappear with the origin (see {@link OriginSeriesCollector}).
 */
@ApplicationScoped
public class OriginMetrics implements ProbeObserver {

    /**
     * The Prometheus registry itself, not the application's composite: the collector is a
     * Prometheus client collector, and the page is scraped from this registry.
     */
    @Inject
    PrometheusMeterRegistry registry;

    @Inject
    OriginRegistry origins;

    private final Map<String, ProbeCounts> counts = new ConcurrentHashMap<>();
    private volatile OriginSeriesCollector collector;

    /** The collector of the per-origin series while the application runs, else null. */
    StreamedCollector collector() {
        return collector;
    }

    void onStart(@Observes StartupEvent event) {
        collector = new OriginSeriesCollector(origins.states(), origins::scheduledHere, counts::get);
        registry.getPrometheusRegistry().register(collector);
    }

    /**
     * The registry outlives the application when one JVM starts it more than once (Quarkus tests,
     * dev mode): a collector left behind would read a stopped application's origins (see
     * {@link MeterCleanup}).
     */
    void onStop(@Observes ShutdownEvent event) {
        if (collector != null) {
            registry.getPrometheusRegistry().unregister(collector);
            collector = null;
        }
    }

    @Override
    public Stage stage() {
        return Stage.METRICS;
    }

    @Override
    public void onProbe(ProbeCompleted event) {
        if (origins.state(event.origin()).isEmpty()) {
            return; // removed meanwhile: its series went (or never came)
        }
        counts.computeIfAbsent(event.origin(), o -> new ProbeCounts())
                .increment(event.verdict().cause());
    }

    void onRemoved(@Observes OriginRemoved event) {
        disowned(event.origin());
    }

    /**
     * This member no longer owns {@code origin} (cluster mode): its series go (the collector only
     * writes origins scheduled here), so only the owner exports them and Prometheus sums members
     * without counting an origin twice. Its probe counts start again from zero if it comes back.
     */
    public void disowned(String origin) {
        counts.remove(origin);
    }
}
