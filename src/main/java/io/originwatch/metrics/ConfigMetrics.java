package io.originwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code originwatch_config_reloads_total{result}} (result success|failure), for the origins file.
 * The series exist only while an origins file is watched, both from the start at 0.
 */
@ApplicationScoped
public class ConfigMetrics {

    @Inject
    MeterRegistry meters;

    private volatile Counter success;
    private volatile Counter failure;

    /** An origins file is watched from now on: its two series appear. */
    public void watchingOriginsFile() {
        success = reloads("success");
        failure = reloads("failure");
    }

    /** The origins file was re-read and applied ({@code true}) or rejected. */
    public void reloaded(boolean applied) {
        Counter c = applied ? success : failure;
        if (c != null) {
            c.increment();
        }
    }

    private Counter reloads(String result) {
        return Counter.builder("originwatch.config.reloads")
                .tag("result", result)
                .description("Reloads of the origins file by result")
                .register(meters);
    }
}
