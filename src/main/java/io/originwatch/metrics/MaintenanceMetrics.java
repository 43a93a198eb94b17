package io.originwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.originwatch.alert.AlertDispatcher;
import io.originwatch.maintenance.MaintenanceCalendar;
import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
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
public class MaintenanceMetrics {

    @Inject
    PrometheusMeterRegistry registry;

    @Inject
    MaintenanceCalendar calendar;

    @Inject
    AlertDispatcher dispatcher;

    private final Map<String, OriginGauges> origins = new ConcurrentHashMap<>();
    private final Map<String, Gauge> windows = new ConcurrentHashMap<>();

    /** One origin's two gauges; {@code labels} follow the origin's latest probe (a reload may change them). */
    private final class OriginGauges {
        final String origin;
        volatile Map<String, String> labels;
        final Gauge maintenance;
        final Gauge suppressed;

        OriginGauges(String origin, Map<String, String> labels) {
            this.origin = origin;
            this.labels = labels;
            this.maintenance = Gauge.builder("originwatch.origin.maintenance", this, g -> g.inWindow() ? 1 : 0)
                    .description("1 while the origin is in a maintenance window (at scrape time)")
                    .tag("origin", origin)
                    .register(registry);
            this.suppressed = Gauge.builder(
                            "originwatch.origin.alert.suppressed",
                            this,
                            g -> dispatcher.suppressing(g.origin, g.inWindow()) ? 1 : 0)
                    .description("1 while the origin is in a maintenance window and its alert is not carried"
                            + " (no alert may open)")
                    .tag("origin", origin)
                    .register(registry);
        }

        boolean inWindow() {
            return calendar.covers(origin, labels, Instant.now());
        }
    }

    void onProbe(@Observes ProbeCompleted event) {
        origins.computeIfAbsent(event.origin(), o -> new OriginGauges(o, event.labels())).labels = event.labels();
    }

    void onRemoved(@Observes OriginRemoved event) {
        OriginGauges g = origins.remove(event.origin());
        if (g != null) {
            registry.remove(g.maintenance);
            registry.remove(g.suppressed);
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
