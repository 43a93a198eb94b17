package io.originwatch.app;

import io.originwatch.maintenance.MaintenanceStatus;

/**
 * An origin's maintenance now, as the API shows it.
 *
 * @param status      whether it is in a window, which, and until when
 * @param suppressing in a window with no alert firing: no alert may open (equals
 *                    {@code originwatch_origin_alert_suppressed}); false for a carried alert
 */
public record OriginMaintenance(MaintenanceStatus status, boolean suppressing) {}
