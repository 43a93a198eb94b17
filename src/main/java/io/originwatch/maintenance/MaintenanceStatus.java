package io.originwatch.maintenance;

import java.time.Instant;

/**
 * Whether an origin is in maintenance at one instant, and by which window.
 *
 * @param active  true inside a window
 * @param window  the window's name, null when not active
 * @param source  where that window was defined, null when not active
 * @param until   when it closes, null when not active or when it stays open past the look-ahead
 *                ({@link WindowSchedule#HORIZON})
 * @param comment the window's comment, null when not active
 */
public record MaintenanceStatus(boolean active, String window, WindowSource source, Instant until, String comment) {

    public static final MaintenanceStatus NONE = new MaintenanceStatus(false, null, null, null, null);

    static MaintenanceStatus of(MaintenanceWindow w, Instant at) {
        return new MaintenanceStatus(
                true, w.name(), w.source(), w.schedule().nextChange(at).orElse(null), w.comment());
    }
}
