package io.originwatch.cli;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.origin.Origin;

/**
 * One checked origin: the direct probe's verdict (its start is its one clock, as in the daemon) and
 * the via-edge verdict when {@code --via-edge} (or the origin's {@code via-edge-url}) asked for it.
 *
 * @param edge null without a via-edge URL
 */
record CheckResult(Origin origin, Verdict direct, Verdict edge) {

    /** The exit status this result alone asks for: the direct probe decides it. */
    ExitStatus exitStatus() {
        if (direct.cause() == Cause.PROBE_ERROR) {
            return ExitStatus.INTERNAL;
        }
        return direct.up() ? ExitStatus.OK : ExitStatus.FAILING;
    }
}
