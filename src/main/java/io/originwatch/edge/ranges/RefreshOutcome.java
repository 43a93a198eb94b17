package io.originwatch.edge.ranges;

/** The result of one refresh; {@link #result()} is the metric label. */
public sealed interface RefreshOutcome {

    String result();

    /** A new good list replaced the old one ({@code diff} may be empty when only the ETag changed). */
    record Updated(EdgeRanges ranges, RangeDiff diff) implements RefreshOutcome {
        public String result() {
            return "updated";
        }
    }

    /** The source answered 304, or the list's version marker did not change. */
    record Unchanged(EdgeRanges ranges) implements RefreshOutcome {
        public String result() {
            return "unchanged";
        }
    }

    /** The source answered, but the list is unusable; the last good list stays. */
    record Rejected(String reason) implements RefreshOutcome {
        public String result() {
            return "rejected";
        }
    }

    /** The source did not answer usefully (network, status, size); the last good list stays. */
    record Failed(String reason) implements RefreshOutcome {
        public String result() {
            return "failed";
        }
    }
}
