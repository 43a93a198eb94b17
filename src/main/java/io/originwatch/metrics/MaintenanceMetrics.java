package io.originwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.originwatch.alert.AlertDispatcher;
import io.originwatch.maintenance.MaintenanceCalendar;
import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.schedule.ProbeObserver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
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
public class MaintenanceMetrics implements ProbeObserver {

    @Inject
    PrometheusMeterRegistry registry;

    @Inject
    MaintenanceCalendar calendar;

    @Inject
    AlertDispatcher dispatcher;

    /** Origins with a first result here, each with the labels of its latest probe (a reload may change them). */
    private final Map<String, Map<String, String>> origins = new ConcurrentHashMap<>();

    private final Map<String, Gauge> windows = new ConcurrentHashMap<>();
    private volatile Collector collector;

    /** The collector of the per-origin series while the application runs, else null. */
    StreamedCollector collector() {
        return collector;
    }

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

    @Override
    public Stage stage() {
        return Stage.METRICS;
    }

    @Override
    public void onProbe(ProbeCompleted event) {
        // a read, not a write, on every probe: the labels are the origin's one map until it changes
        if (origins.get(event.origin()) != event.labels()) {
            origins.put(event.origin(), event.labels());
        }
    }

    void onRemoved(@Observes OriginRemoved event) {
        origins.remove(event.origin());
    }

    /** {@code originwatch_origin_maintenance} and {@code originwatch_origin_alert_suppressed}, names, HELP and type as the gauges had. */
    private final class Collector extends StreamedCollector {

        private static final List<String> ORIGIN = List.of("origin");
        private static final int MAINTENANCE = 0;

        private static final List<Family> FAMILIES = List.of(
                new Family(
                        "originwatch_origin_maintenance",
                        io.prometheus.client.Collector.Type.GAUGE,
                        "1 while the origin is in a maintenance window (at scrape time)",
                        ORIGIN),
                new Family(
                        "originwatch_origin_alert_suppressed",
                        io.prometheus.client.Collector.Type.GAUGE,
                        "1 while the origin is in a maintenance window and its alert is not carried"
                                + " (no alert may open)",
                        ORIGIN));

        @Override
        List<Family> families() {
            return FAMILIES;
        }

        @Override
        void samples(int family, SampleSink sink) {
            Instant now = Instant.now();
            origins.forEach((origin, labels) -> {
                boolean inWindow = calendar.covers(origin, labels, now);
                double value =
                        family == MAINTENANCE ? (inWindow ? 1 : 0) : (dispatcher.suppressing(origin, inWindow) ? 1 : 0);
                sink.sample(origin, null, null, value);
            });
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
