package io.originwatch.maintenance;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One maintenance window: which origins, when, and why.
 *
 * @param name     {@code [a-z0-9._-]+}, unique among configured windows; a runtime window is named
 *                 {@code runtime:<origin>} (the colon keeps it apart from every configured name)
 * @param selector the origins it covers
 * @param comment  why (free text, may be empty)
 * @param schedule when it is open
 * @param source   where it was defined
 */
public record MaintenanceWindow(
        String name, OriginSelector selector, String comment, WindowSchedule schedule, WindowSource source) {

    public static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");
    public static final String RUNTIME_PREFIX = "runtime:";

    public MaintenanceWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(source, "source");
        comment = comment == null ? "" : comment;
    }

    public boolean covers(String origin, Map<String, String> labels, Instant at) {
        return selector.matches(origin, labels == null ? Map.of() : labels) && schedule.contains(at);
    }
}
