package io.originwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.originwatch.alert.AlertDispatcher;
import io.originwatch.maintenance.MaintenanceCalendar;
import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maintenance series, each evaluated when Prometheus scrapes (so they flip exactly at a window's
 * boundaries, not at the next probe): per origin {@code originwatch_origin_maintenance} and
 * {@code originwatch_origin_alert_suppressed} (0/1, from an origin's first result until it is
 * removed), per window {@code originwatch_maintenance_window_active} (0/1, for every window the
 * calendar lists).
 */
@ApplicationScoped
public class MaintenanceMetrics {

    @Inject
    PrometheusMeterRegistry registry;

    @Inject
    MaintenanceCalendar calendar;

    @Inject
    AlertDispatcher dispatcher;

    /** Origins with a first result here, each with the labels of its latest probe (a reload may change them). */
    private final Map<String, Map<String, String>> origins = new ConcurrentHashMap<>();

    private final Map<String, Gauge> windows = new ConcurrentHashMap<>();
    private Collector collector;

    /**
     * The two per-origin families are written at scrape time by one collector instead of two
     * registered gauges per origin (at 10,000 origins those were 20,068 gauges with their ids, tags,
     * weak references and registry entries, about 0.8 KB per origin; bench/README.md).
     */
    void onStart(@Observes StartupEvent event) {
        collector = new Collector();
        registry.getPrometheusRegistry().register(collector);
    }

    /** As {@link OriginMetrics#onStop}: a registry that outlives the application must not keep this collector. */
    void onStop(@Observes ShutdownEvent event) {
        if (collector != null) {
            registry.getPrometheusRegistry().unregister(collector);
            collector = null;
        }
    }

    void onProbe(@Observes ProbeCompleted event) {
        origins.put(event.origin(), event.labels());
    }

    void onRemoved(@Observes OriginRemoved event) {
        origins.remove(event.origin());
    }

    /** {@code originwatch_origin_maintenance} and {@code originwatch_origin_alert_suppressed}, names, HELP and type as the gauges had. */
    private final class Collector extends io.prometheus.client.Collector
            implements io.prometheus.client.Collector.Describable {

        private static final List<String> ORIGIN = List.of("origin");

        @Override
        public List<MetricFamilySamples> collect() {
            List<MetricFamilySamples.Sample> maintenance = new ArrayList<>(origins.size());
            List<MetricFamilySamples.Sample> suppressed = new ArrayList<>(origins.size());
            Instant now = Instant.now();
            origins.forEach((origin, labels) -> {
                boolean inWindow = calendar.covers(origin, labels, now);
                List<String> value = List.of(origin);
                maintenance.add(new MetricFamilySamples.Sample(
                        "originwatch_origin_maintenance", ORIGIN, value, inWindow ? 1 : 0));
                suppressed.add(new MetricFamilySamples.Sample(
                        "originwatch_origin_alert_suppressed",
                        ORIGIN,
                        value,
                        dispatcher.suppressing(origin, inWindow) ? 1 : 0));
            });
            return families(maintenance, suppressed);
        }

        @Override
        public List<MetricFamilySamples> describe() {
            return families(List.of(), List.of());
        }

        private static List<MetricFamilySamples> families(
                List<MetricFamilySamples.Sample> maintenance, List<MetricFamilySamples.Sample> suppressed) {
            return List.of(
                    new MetricFamilySamples(
                            "originwatch_origin_maintenance",
                            Type.GAUGE,
                            "1 while the origin is in a maintenance window (at scrape time)",
                            maintenance),
                    new MetricFamilySamples(
                            "originwatch_origin_alert_suppressed",
                            Type.GAUGE,
                            "1 while the origin is in a maintenance window and its alert is not carried"
                                    + " (no alert may open)",
                            suppressed));
        }
    }

    /** The calendar's windows changed: one series per window listed, the others removed. */
    public synchronized void windows(List<MaintenanceWindow> listed) {
        Set<String> names = new HashSet<>();
        for (MaintenanceWindow w : listed) {
            names.add(w.name());
            windows.computeIfAbsent(
                    w.name(),
                    n -> Gauge.builder("originwatch.maintenance.window.active", () -> active(n))
                            .description("1 while the maintenance window is open (at scrape time)")
                            .tag("window", n)
                            .register(registry));
        }
        windows.entrySet().removeIf(e -> {
            if (names.contains(e.getKey())) {
                return false;
            }
            registry.remove(e.getValue());
            return true;
        });
    }

    private int active(String name) {
        Instant now = Instant.now();
        return calendar.window(name, now)
                        .filter(w -> w.schedule().contains(now))
                        .isPresent()
                ? 1
                : 0;
    }
}
