package io.originwatch.classify;

import io.originwatch.probe.ProbeResult;
import java.util.List;

/**
 * A classified probe: the raw result plus one cause, the edge's status, warnings and a one-line
 * human detail (e.g. {@code connection reset by peer after 0 response bytes; request was sent}).
 *
 * @param httpStatus the origin's status when a head was parsed, else 0
 * @param edgeStatus what the edge would answer: the cause's fixed 52x, or the origin's status
 */
public record Verdict(
        ProbeResult result, Cause cause, int edgeStatus, int httpStatus, List<Warning> warnings, String detail)
        implements java.io.Serializable {

    public Verdict {
        warnings = List.copyOf(warnings);
    }

    public boolean up() {
        return cause.healthy();
    }
}
