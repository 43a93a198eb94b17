package io.originwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.originwatch.schedule.OriginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.IntSupplier;

/**
 * {@code originwatch_cluster_members}, {@code originwatch_cluster_quorum} (1/0),
 * {@code originwatch_cluster_owned_origins} and {@code originwatch_cluster_origin_set_mismatches}. Registered in cluster mode only: standalone exports
 * exactly what it did before. The gauges read the registry's ownership on each scrape.
 */
@ApplicationScoped
public class ClusterMetrics {

    @Inject
    MeterRegistry meters;

    @Inject
    OriginRegistry registry;

    /**
     * Cluster mode started: the series appear. {@code originSetMismatches} counts the other members
     * whose origin set differs from this member's.
     */
    public void clusterStarted(IntSupplier originSetMismatches) {
        Gauge.builder(
                        "originwatch.cluster.members",
                        registry,
                        r -> r.ownership().members())
                .description("Cluster members this member sees, itself included")
                .strongReference(true)
                .register(meters);
        Gauge.builder("originwatch.cluster.quorum", registry, r -> r.ownership().quorum() ? 1 : 0)
                .description("1 while this member sees at least min-members (it probes and pages), else 0")
                .strongReference(true)
                .register(meters);
        Gauge.builder("originwatch.cluster.owned.origins", registry, OriginRegistry::owned)
                .description("Origins this member owns and probes now")
                .strongReference(true)
                .register(meters);
        Gauge.builder("originwatch.cluster.origin.set.mismatches", originSetMismatches, IntSupplier::getAsInt)
                .description("Other members whose origin set differs from this member's (0 when every member "
                        + "reads the same configuration)")
                .strongReference(true)
                .register(meters);
    }
}
