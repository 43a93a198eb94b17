/**
 * Maintenance windows: when an origin is in planned maintenance, so that probing goes on and
 * alerts stop paging. A window's schedule is either a list of Alertmanager
 * {@code <time_interval_spec>}s ({@link io.originwatch.maintenance.TimeInterval}, same fields and
 * the same predicate on instants) or a one-off {@code [start, end)}; runtime windows (a deploy
 * pipeline's "maintenance for 30m") live beside the configured ones in the
 * {@link io.originwatch.maintenance.MaintenanceCalendar} and survive a reload. Plain Java: imports
 * java.* only. The alert tracker is told per probe whether the probe's start lay in a window; the
 * decision "carried or suppressed" is the tracker's.
 */
package io.originwatch.maintenance;
