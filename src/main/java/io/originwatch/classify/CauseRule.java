package io.originwatch.classify;

import io.originwatch.probe.ProbeResult;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * One row of the catalogue: when it matches, the one-line detail it gives, and the edge's status
 * (the cause's fixed one unless the row says otherwise).
 */
record CauseRule(
        Cause cause,
        Predicate<ProbeResult> matches,
        Function<ProbeResult, String> detail,
        ToIntFunction<ProbeResult> edgeStatus) {

    CauseRule(Cause cause, Predicate<ProbeResult> matches, Function<ProbeResult, String> detail) {
        this(cause, matches, detail, r -> cause.fixedEdgeStatus());
    }
}
