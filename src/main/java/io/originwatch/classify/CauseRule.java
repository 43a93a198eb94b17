package io.originwatch.classify;

import io.originwatch.probe.ProbeResult;
import java.util.function.Function;
import java.util.function.Predicate;

/** One row of the catalogue: when it matches, and the one-line detail it gives. */
record CauseRule(Cause cause, Predicate<ProbeResult> matches, Function<ProbeResult, String> detail) {}
