package io.originwatch.ui;

import java.util.List;

/**
 * Everything {@code /ui} shows, built in Java (see {@link OverviewBuilder}) so the template holds
 * only loops and conditions.
 */
public record Overview(
        Counts counts,
        Health health,
        Filters filters,
        List<Row> failing,
        Paging failingPaging,
        List<Row> others,
        Paging othersPaging,
        List<String> causes,
        List<String> edgeStatuses) {

    /**
     * Counts over every configured origin (filters do not change them); {@code inMaintenance}: origins
     * inside a maintenance window now, whatever their state.
     */
    public record Counts(
            int configured,
            int up,
            int failing,
            int pending,
            int warnings,
            int inMaintenance,
            List<Count> byEdgeStatus,
            List<Count> byCause) {}

    /** How many failing origins share a value; {@code href} filters the lists by it. */
    public record Count(String label, int count, String href) {}

    /**
     * originwatch's own state (see {@link HealthBuilder}); {@code reload} is null without an origins
     * file, {@code cluster} null standalone.
     */
    public record Health(
            boolean ready,
            String readiness,
            Reload reload,
            String lag,
            boolean lagHigh,
            Ranges ranges,
            int allowlists,
            List<String> unreadableAllowlists,
            int activeAlerts,
            Cluster cluster) {}

    /** The origins file's last load: when (with how long ago), the outcome and what it did or why not. */
    public record Reload(String file, String when, String outcome, String detail, boolean failed) {}

    /** The edge ranges in force and the last refresh since start, as the edge page shows them. */
    public record Ranges(String inForce, boolean stale, String lastRefresh, boolean refreshFailed) {}

    /** Cluster mode: the cluster's name, quorum and each member with the origins it owns. */
    public record Cluster(String name, boolean quorum, List<String> members) {}

    /** The filter form's values, as given (blank = not filtering). */
    public record Filters(String cause, String edge, String label, String q) {
        public boolean any() {
            return !cause.isEmpty() || !edge.isEmpty() || !label.isEmpty() || !q.isEmpty();
        }
    }

    /** One page of a list; {@code prev}/{@code next} are ready links or null. */
    public record Paging(int page, int pages, int total, String prev, String next) {}

    /**
     * One origin's row. {@code id} is the DOM id the live updates swap ({@code o-} and the name,
     * which is {@code [a-z0-9._-]+}).
     */
    public record Row(
            String id,
            String name,
            String href,
            String state,
            String cause,
            String edgeStatus,
            String since,
            int consecutiveFailures,
            String total,
            String warnings,
            Meter meter,
            String viaEdge,
            Strip strip,
            String detail) {}
}
