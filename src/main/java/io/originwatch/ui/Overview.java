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

    /** Counts over every configured origin (filters do not change them). */
    public record Counts(
            int configured,
            int up,
            int failing,
            int pending,
            int warnings,
            List<Count> byEdgeStatus,
            List<Count> byCause) {}

    /** How many failing origins share a value; {@code href} filters the lists by it. */
    public record Count(String label, int count, String href) {}

    /** originwatch's own state. */
    public record Health(
            boolean ready,
            int activeAlerts,
            String ranges,
            boolean rangesStale,
            int allowlists,
            int unreadableAllowlists) {}

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
