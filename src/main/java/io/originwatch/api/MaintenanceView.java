package io.originwatch.api;

import io.originwatch.app.OriginMaintenance;
import io.originwatch.maintenance.MaintenanceStatus;

/**
 * An origin's maintenance now, on its view: {@code active} inside a window; {@code window} and
 * {@code source} name it; {@code until} is when it closes (null when not active, or open beyond the
 * look-ahead); {@code suppressing} is true when no alert may open (false for a carried alert) and
 * equals {@code originwatch_origin_alert_suppressed}.
 */
public record MaintenanceView(boolean active, String window, String source, String until, boolean suppressing) {

    /** Not in maintenance: what a one-shot {@code check} reports, where no window applies. */
    public static final MaintenanceView NONE = new MaintenanceView(false, null, null, null, false);

    static MaintenanceView of(OriginMaintenance m) {
        MaintenanceStatus s = m.status();
        return new MaintenanceView(
                s.active(),
                s.window(),
                s.source() == null ? null : s.source().label(),
                s.until() == null ? null : s.until().toString(),
                m.suppressing());
    }
}
