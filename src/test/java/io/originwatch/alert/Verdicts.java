package io.originwatch.alert;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.StatusSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Synthetic classified probes, shaped as the prober and classifier make them. */
final class Verdicts {

    private Verdicts() {}

    static ProbeSpec spec(String origin) {
        return new ProbeSpec(
                origin,
                URI.create("https://127.0.0.1:8443/health"),
                origin + ".test",
                "GET",
                List.of(),
                Duration.ofSeconds(19),
                Duration.ofSeconds(125),
                8192,
                65536,
                StatusSet.DEFAULT,
                true,
                null,
                "originwatch-test");
    }

    static Verdict of(String origin, Cause cause, Instant probedAt) {
        PhaseTimings timings = new PhaseTimings(Map.of(
                Phase.CONNECT,
                Duration.ofMillis(12),
                Phase.TLS,
                Duration.ofMillis(30),
                Phase.TOTAL,
                Duration.ofMillis(57)));
        ProbeFailure failure = switch (cause) {
            case OK, UNEXPECTED_STATUS -> null;
            case CONNECTION_RESET -> new ProbeFailure.Reset(0, true);
            default -> new ProbeFailure.Internal("synthetic " + cause.label());
        };
        ProbeResult result = new ProbeResult(
                spec(origin), probedAt, timings, null, failure, null, 0, 0, false, false, null, Evidence.none());
        int edgeStatus = switch (cause) {
            case OK -> 200;
            case UNEXPECTED_STATUS -> 503;
            default -> cause.fixedEdgeStatus(); // 0 for probe_error: nothing reached the origin
        };
        String detail = cause == Cause.OK ? "200 OK" : cause.label() + " after 0 response bytes; request was sent";
        return new Verdict(result, cause, edgeStatus, cause.fixedEdgeStatus() == 0 ? edgeStatus : 0, List.of(), detail);
    }
}
