package io.originwatch.app;

import io.originwatch.alert.AlertDispatcher;
import io.originwatch.maintenance.MaintenanceCalendar;
import io.originwatch.maintenance.MaintenanceStatus;
import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.maintenance.WindowSource;
import io.originwatch.metrics.MaintenanceMetrics;
import io.originwatch.origin.UnknownOriginException;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.OriginState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Owns the daemon's one {@link MaintenanceCalendar}: configured windows are set at start-up and on
 * every origins-file reload ({@link #configure}), runtime windows through the API. The probe
 * runner reads the calendar for each probe's start; the API and the metrics read an origin's
 * maintenance now through {@link #of} and {@link AlertDispatcher#suppressing}.
 */
@ApplicationScoped
public class MaintenanceService {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class);

    private final MaintenanceCalendar calendar = new MaintenanceCalendar();
    private final Clock clock = Clock.systemUTC();

    @Inject
    OriginRegistry registry;

    @Inject
    AlertDispatcher dispatcher;

    @Inject
    MaintenanceMetrics metrics;

    /** The calendar for the layers below (the probe runner, the metrics). */
    @Produces
    @Singleton
    MaintenanceCalendar calendar() {
        return calendar;
    }

    /** Replaces the windows of one configured source; runtime windows are kept. */
    public void configure(WindowSource source, List<MaintenanceWindow> windows) {
        calendar.configure(source, windows);
        LOG.infof(
                "maintenance windows source=%s windows=%s",
                source.label(), windows.stream().map(MaintenanceWindow::name).toList());
        metrics.windows(calendar.windows(clock.instant()));
    }

    /**
     * Opens (or replaces) {@code origin}'s runtime window from now. Throws
     * {@link UnknownOriginException}, or {@link IllegalArgumentException} for a duration that is not
     * positive or is over 24h.
     */
    public MaintenanceWindow start(String origin, Duration duration, String comment) {
        state(origin);
        MaintenanceWindow w = calendar.startRuntime(origin, duration, comment, clock.instant());
        LOG.infof("maintenance origin=%s window=%s until=%s comment=%s", origin, w.name(), end(w), comment);
        metrics.windows(calendar.windows(clock.instant()));
        return w;
    }

    /** Ends {@code origin}'s runtime window, if one is open. */
    public void end(String origin) {
        state(origin);
        if (calendar.endRuntime(origin, clock.instant())) {
            LOG.infof("maintenance origin=%s window=%s%s ended", origin, MaintenanceWindow.RUNTIME_PREFIX, origin);
        }
        metrics.windows(calendar.windows(clock.instant()));
    }

    public OriginMaintenance of(String origin, Map<String, String> labels) {
        Instant now = clock.instant();
        MaintenanceStatus status = calendar.status(origin, labels, now);
        return new OriginMaintenance(status, dispatcher.suppressing(origin, status.active()));
    }

    public List<MaintenanceWindow> windows() {
        return calendar.windows(clock.instant());
    }

    /** Origins in the window now (by name). */
    public List<String> covered(MaintenanceWindow w) {
        Instant now = clock.instant();
        return registry.all().stream()
                .map(OriginState::origin)
                .filter(o -> w.covers(o.name(), o.labels(), now))
                .map(o -> o.name())
                .sorted()
                .toList();
    }

    public Instant now() {
        return clock.instant();
    }

    private OriginState state(String origin) {
        return registry.state(origin).orElseThrow(() -> new UnknownOriginException(origin));
    }

    private static Object end(MaintenanceWindow w) {
        return w.schedule() instanceof io.originwatch.maintenance.WindowSchedule.OneOff o ? o.end() : "-";
    }
}
