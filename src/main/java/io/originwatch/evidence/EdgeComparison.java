package io.originwatch.evidence;

/**
 * The direct probe and the via-edge probe side by side. A mismatch (one healthy, one failing) is
 * the interesting case: the two paths disagree, so the fault sits between the edge and the origin.
 */
public enum EdgeComparison {
    BOTH_HEALTHY(false, "edge and origin both answer"),
    /** Typical of an allowlist, firewall or rate limit that blocks the edge's addresses, not ours. */
    EDGE_FAILING(
            true,
            "the edge fails while the origin answers directly: check allowlists, firewalls and rate limits "
                    + "for the edge's addresses"),
    /** The edge may serve from cache while the origin is down. */
    ORIGIN_FAILING(true, "the origin fails while the edge answers: the edge's cache may be hiding the failure"),
    BOTH_FAILING(false, "edge and origin both fail");

    private final boolean mismatch;
    private final String explanation;

    EdgeComparison(boolean mismatch, String explanation) {
        this.mismatch = mismatch;
        this.explanation = explanation;
    }

    public static EdgeComparison of(boolean directUp, boolean edgeUp) {
        if (directUp) {
            return edgeUp ? BOTH_HEALTHY : EDGE_FAILING;
        }
        return edgeUp ? ORIGIN_FAILING : BOTH_FAILING;
    }

    public boolean mismatch() {
        return mismatch;
    }

    public String explanation() {
        return explanation;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
