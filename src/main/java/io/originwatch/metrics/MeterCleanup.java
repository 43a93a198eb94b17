package io.originwatch.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Removes originwatch's own meters when the application stops. In one JVM that starts the
 * application more than once (Quarkus tests with several profiles, dev-mode reloads) the meter
 * registry outlives the application in Quarkus 3.34, and a gauge left behind would keep reading a
 * stopped application's state, or shadow the new application's gauge of the same name.
 */
@ApplicationScoped
public class MeterCleanup {

    private static final String PREFIX = "originwatch.";

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;

    public MeterCleanup(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        this.registry = registry;
        this.prometheus = prometheus;
    }

    /** From the composite and from the Prometheus registry, where the per-origin series live (OriginMetrics). */
    void onStop(@Observes ShutdownEvent event) {
        for (MeterRegistry r : List.of(registry, prometheus)) {
            List<Meter> ours = r.getMeters().stream()
                    .filter(m -> m.getId().getName().startsWith(PREFIX))
                    .toList();
            ours.forEach(r::remove);
        }
    }
}
