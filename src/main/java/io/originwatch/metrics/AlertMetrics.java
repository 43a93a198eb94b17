package io.originwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.originwatch.alert.DeliveryException;
import io.originwatch.alert.DispatchListener;
import io.originwatch.alert.Notification;
import io.originwatch.alert.SinkWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code originwatch_alert_notifications_total{sink,result}} (result sent|failed|rejected|dropped;
 * failed = one attempt that will be retried) and {@code originwatch_alert_queue_depth{sink}}.
 * Every sink's four counters exist from the start at 0, so {@code increase()} sees the first one.
 */
@ApplicationScoped
public class AlertMetrics implements DispatchListener {

    static final List<String> RESULTS = List.of("sent", "failed", "rejected", "dropped");

    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Registers the series of these sinks. */
    public void bind(List<SinkWorker> workers) {
        for (SinkWorker w : workers) {
            for (String result : RESULTS) {
                counter(w.name(), result);
            }
            Gauge.builder("originwatch.alert.queue.depth", w, SinkWorker::queueDepth)
                    .description("Alert notifications waiting for delivery, per sink (at most one per origin)")
                    .tag("sink", w.name())
                    .register(registry);
        }
    }

    private Counter counter(String sink, String result) {
        return counters.computeIfAbsent(
                sink + "\u0000" + result,
                k -> Counter.builder("originwatch.alert.notifications")
                        .description("Alert notification deliveries by sink and result (failed attempts are retried)")
                        .tags("sink", sink, "result", result)
                        .register(registry));
    }

    @Override
    public void sent(String sink, Notification notification) {
        counter(sink, "sent").increment();
    }

    @Override
    public void failed(String sink, Notification notification, DeliveryException error) {
        counter(sink, "failed").increment();
    }

    @Override
    public void rejected(String sink, Notification notification, DeliveryException error) {
        counter(sink, "rejected").increment();
    }

    @Override
    public void dropped(String sink, Notification notification) {
        counter(sink, "dropped").increment();
    }
}
