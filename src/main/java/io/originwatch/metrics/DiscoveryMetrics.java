package io.originwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code originwatch_discovery_runs_total{source,result}} (result success|failure) and
 * {@code originwatch_discovered_origins{source}}. A source's series exist once it is enabled, both
 * counters from 0.
 */
@ApplicationScoped
public class DiscoveryMetrics {

    @Inject
    MeterRegistry meters;

    private final Map<String, AtomicInteger> discovered = new ConcurrentHashMap<>();

    /** {@code source} (e.g. {@code cloudflare}) runs from now on: its series appear. */
    public void sourceEnabled(String source) {
        runs(source, "success");
        runs(source, "failure");
        discovered.computeIfAbsent(source, s -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("originwatch.discovered.origins", n, AtomicInteger::get)
                    .tag("source", s)
                    .description("Origins in force from a discovery source")
                    .register(meters);
            return n;
        });
    }

    /** One run of {@code source} ended; on success {@code origins} are in force from it. */
    public void ran(String source, boolean success, int origins) {
        sourceEnabled(source);
        runs(source, success ? "success" : "failure").increment();
        discovered.get(source).set(origins);
    }

    /** Origins in force from {@code source} (e.g. restored from the cache at start-up). */
    public void inForce(String source, int origins) {
        sourceEnabled(source);
        discovered.get(source).set(origins);
    }

    private Counter runs(String source, String result) {
        return Counter.builder("originwatch.discovery.runs")
                .tag("source", source)
                .tag("result", result)
                .description("Runs of a discovery source by result")
                .register(meters);
    }
}
