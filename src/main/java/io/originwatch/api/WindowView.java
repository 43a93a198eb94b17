package io.originwatch.api;

import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.maintenance.WindowSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One maintenance window as {@code GET /api/maintenance} lists it. {@code start} / {@code end} only
 * for a one-off or runtime window; {@code active} and {@code until} at the time of the request;
 * {@code covering} the origins in it now; {@code next} its next openings (up to
 * {@value #NEXT_OCCURRENCES}, within about a year). Times ISO-8601 (UTC).
 */
public record WindowView(
        String name,
        String source,
        String comment,
        List<String> origins,
        Map<String, String> labels,
        String start,
        String end,
        boolean active,
        String until,
        List<String> covering,
        List<OccurrenceView> next) {

    static final int NEXT_OCCURRENCES = 3;

    /** One opening {@code [start, end)}; {@code end} null when past the look-ahead. */
    public record OccurrenceView(String start, String end) {}

    static WindowView of(MaintenanceWindow w, List<String> covering, Instant now) {
        boolean active = w.schedule().contains(now);
        WindowSchedule.OneOff oneOff = w.schedule() instanceof WindowSchedule.OneOff o ? o : null;
        return new WindowView(
                w.name(),
                w.source().label(),
                w.comment(),
                w.selector().names(),
                w.selector().labels(),
                oneOff == null ? null : oneOff.start().toString(),
                oneOff == null ? null : oneOff.end().toString(),
                active,
                active ? w.schedule().nextChange(now).map(Instant::toString).orElse(null) : null,
                covering,
                w.schedule().upcoming(now, NEXT_OCCURRENCES).stream()
                        .map(x -> new OccurrenceView(
                                x.start().toString(),
                                x.end() == null ? null : x.end().toString()))
                        .toList());
    }
}
