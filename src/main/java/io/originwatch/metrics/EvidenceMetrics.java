package io.originwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.originwatch.evidence.HarWriteQueue;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code originwatch_evidence_har_writes_dropped_total}: failing HARs not written to
 * {@code originwatch.evidence.dir} because the write queue was full. Exists from the start at 0 so
 * {@code increase()} sees the first drop.
 */
@Startup
@ApplicationScoped
public class EvidenceMetrics implements HarWriteQueue.Listener {

    @Inject
    MeterRegistry meters;

    private Counter dropped;

    @PostConstruct
    void init() {
        dropped = Counter.builder("originwatch.evidence.har.writes.dropped")
                .description("Failing HARs not written to originwatch.evidence.dir because the write queue was full")
                .register(meters);
    }

    @Override
    public void dropped(String origin, String fileName) {
        dropped.increment();
    }
}
