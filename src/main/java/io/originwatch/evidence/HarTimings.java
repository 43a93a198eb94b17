package io.originwatch.evidence;

import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import java.time.Duration;

/**
 * Maps the prober's phases to HAR timings. HAR's {@code connect} includes {@code ssl} (the spec
 * says so for backward compatibility), so the entry's total counts ssl once. {@code blocked},
 * {@code dns}, {@code connect} and {@code ssl} are -1 when the phase did not happen; HAR requires
 * {@code send}, {@code wait} and {@code receive} to be non-negative, so a phase that did not happen
 * is 0 there, except that time spent after the request waiting for an answer that never completed
 * counts as {@code wait} (a response timeout waits 3 s, not 0) or, after a first byte, as
 * {@code receive}.
 */
final class HarTimings {

    static final double NOT_APPLICABLE = -1;

    private HarTimings() {}

    static Har.Timings of(PhaseTimings t) {
        double dns = ms(t, Phase.DNS);
        double tcp = ms(t, Phase.CONNECT);
        double ssl = ms(t, Phase.TLS);
        double connect = tcp < 0 ? NOT_APPLICABLE : round(tcp + Math.max(0, ssl));
        double send = Math.max(0, ms(t, Phase.SEND));
        double total = Math.max(0, ms(t, Phase.TOTAL));
        double before = Math.max(0, dns) + Math.max(0, connect) + send;
        double rest = round(Math.max(0, total - before));
        double wait;
        double receive;
        if (t.get(Phase.TTFB).isPresent()) {
            wait = ms(t, Phase.TTFB);
            receive = t.get(Phase.RECEIVE).isPresent() ? ms(t, Phase.RECEIVE) : round(Math.max(0, rest - wait));
        } else {
            wait = t.get(Phase.SEND).isPresent() ? rest : 0;
            receive = 0;
        }
        return new Har.Timings(NOT_APPLICABLE, dns, connect, send, wait, receive, ssl);
    }

    /** The entry's {@code time}: every non-negative timing, ssl not twice. */
    static double total(Har.Timings t) {
        return round(
                Math.max(0, t.blocked) + Math.max(0, t.dns) + Math.max(0, t.connect) + t.send + t.wait + t.receive);
    }

    private static double ms(PhaseTimings t, Phase p) {
        return t.get(p).map(HarTimings::ms).orElse(NOT_APPLICABLE);
    }

    static double ms(Duration d) {
        return round(d.toNanos() / 1_000_000.0);
    }

    /** Microsecond precision is plenty and keeps the JSON short. */
    static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
