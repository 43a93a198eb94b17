package io.originwatch.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every maintenance window in force: the configured ones (main config, origins file; each source
 * replaced as a whole when it is re-read) and the runtime ones (at most one per origin, started and
 * ended through the API). Replacing a configured source never touches a runtime window: a reload
 * does not end a deploy's maintenance. Thread-safe; the lists are immutable snapshots swapped whole.
 */
public final class MaintenanceCalendar {

    /** The longest runtime window: a deploy that needs more is a configured window. */
    public static final Duration MAX_RUNTIME_DURATION = Duration.ofHours(24);

    private final Map<WindowSource, List<MaintenanceWindow>> configured = new EnumMap<>(WindowSource.class);
    private final ConcurrentMap<String, MaintenanceWindow> runtime = new ConcurrentHashMap<>();
    private volatile List<MaintenanceWindow> snapshot = List.of();

    /** Replaces the windows of one configured source ({@code config} or {@code origins-file}). */
    public synchronized void configure(WindowSource source, List<MaintenanceWindow> windows) {
        if (source == WindowSource.RUNTIME) {
            throw new IllegalArgumentException("runtime windows are started one by one");
        }
        for (MaintenanceWindow w : windows) {
            if (w.source() != source) {
                throw new IllegalArgumentException(
                        "window " + w.name() + " is from " + w.source().label());
            }
        }
        configured.put(source, List.copyOf(windows));
        List<MaintenanceWindow> all = new ArrayList<>();
        configured.values().forEach(all::addAll);
        snapshot = List.copyOf(all);
    }

    /**
     * Opens (or replaces) the runtime window of {@code origin}: {@code [now, now + duration)}.
     * Throws {@link IllegalArgumentException} for a duration that is not positive or is over
     * {@link #MAX_RUNTIME_DURATION}.
     */
    public MaintenanceWindow startRuntime(String origin, Duration duration, String comment, Instant now) {
        Objects.requireNonNull(origin, "origin");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        if (duration.compareTo(MAX_RUNTIME_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be at most 24h, got " + duration);
        }
        MaintenanceWindow w = new MaintenanceWindow(
                MaintenanceWindow.RUNTIME_PREFIX + origin,
                OriginSelector.origin(origin),
                comment,
                new WindowSchedule.OneOff(now, now.plus(duration)),
                WindowSource.RUNTIME);
        runtime.put(origin, w);
        return w;
    }

    /** Ends the runtime window of {@code origin}; false when it had none open. */
    public boolean endRuntime(String origin, Instant now) {
        MaintenanceWindow w = runtime.remove(origin);
        return w != null && w.schedule().nextChange(now).isPresent();
    }

    /** True when a probe started at {@code at} lies in a window of this origin. */
    public boolean covers(String origin, Map<String, String> labels, Instant at) {
        MaintenanceWindow r = runtime.get(origin);
        if (r != null && r.covers(origin, labels, at)) {
            return true;
        }
        for (MaintenanceWindow w : snapshot) {
            if (w.covers(origin, labels, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The origin's maintenance at {@code at}: of the windows open then, the one that stays open
     * longest (a window open past the look-ahead wins), so {@code until} is when maintenance ends.
     */
    public MaintenanceStatus status(String origin, Map<String, String> labels, Instant at) {
        List<MaintenanceStatus> open = new ArrayList<>();
        MaintenanceWindow r = runtime.get(origin);
        if (r != null && r.covers(origin, labels, at)) {
            open.add(MaintenanceStatus.of(r, at));
        }
        for (MaintenanceWindow w : snapshot) {
            if (w.covers(origin, labels, at)) {
                open.add(MaintenanceStatus.of(w, at));
            }
        }
        return open.stream()
                .max(Comparator.comparing(MaintenanceStatus::until, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(MaintenanceStatus.NONE);
    }

    /** Configured windows in configuration order, then the runtime windows not yet over, by origin. */
    public List<MaintenanceWindow> windows(Instant now) {
        runtime.values().removeIf(w -> w.schedule().nextChange(now).isEmpty());
        List<MaintenanceWindow> all = new ArrayList<>(snapshot);
        runtime.values().stream()
                .sorted(Comparator.comparing(MaintenanceWindow::name))
                .forEach(all::add);
        return all;
    }

    /** The window by name (configured or runtime), if it exists. */
    public Optional<MaintenanceWindow> window(String name, Instant now) {
        return windows(now).stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
