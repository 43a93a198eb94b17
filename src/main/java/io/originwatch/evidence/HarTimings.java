package io.originwatch.evidence;

import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;

/**
 * Maps the prober's phases to HAR timings. HAR's {@code connect} includes {@code ssl} (the spec
 * says so for backward compatibility), so the entry's total counts ssl once. {@code blocked},
 * {@code dns}, {@code connect} and {@code ssl} are -1 when the phase did not happen; HAR requires
 * {@code send}, {@code wait} and {@code receive} to be non-negative, so a phase that did not happen
 * is 0 there, except that time spent after the request waiting for an answer that never completed
 * counts as {@code wait} (a response timeout waits 3 s, not 0) or, after a first byte, as
 * {@code receive}.
 *
 * <p>Each phase is rounded once ({@link PhaseTimings#micros}, as the API and the history round it);
 * sums and differences are then taken in whole microseconds, so they need no rounding of their own.
 */
final class HarTimings {

    static final double NOT_APPLICABLE = -1;

    /** Microseconds of a phase that did not happen. */
    private static final long ABSENT = -1;

    private final long dns;
    private final long connect;
    private final long send;
    private final long wait;
    private final long receive;
    private final long ssl;

    private HarTimings(long dns, long connect, long send, long wait, long receive, long ssl) {
        this.dns = dns;
        this.connect = connect;
        this.send = send;
        this.wait = wait;
        this.receive = receive;
        this.ssl = ssl;
    }

    static HarTimings of(PhaseTimings t) {
        long dns = micros(t, Phase.DNS);
        long tcp = micros(t, Phase.CONNECT);
        long ssl = micros(t, Phase.TLS);
        long connect = tcp < 0 ? ABSENT : tcp + Math.max(0, ssl);
        long send = Math.max(0, micros(t, Phase.SEND));
        long total = Math.max(0, micros(t, Phase.TOTAL));
        long rest = Math.max(0, total - (Math.max(0, dns) + Math.max(0, connect) + send));
        long wait;
        long receive;
        if (t.get(Phase.TTFB).isPresent()) {
            wait = micros(t, Phase.TTFB);
            receive = t.get(Phase.RECEIVE).isPresent() ? micros(t, Phase.RECEIVE) : Math.max(0, rest - wait);
        } else {
            wait = t.get(Phase.SEND).isPresent() ? rest : 0;
            receive = 0;
        }
        return new HarTimings(dns, connect, send, wait, receive, ssl);
    }

    /** The entry's {@code timings}. */
    Har.Timings har() {
        return new Har.Timings(NOT_APPLICABLE, ms(dns), ms(connect), ms(send), ms(wait), ms(receive), ms(ssl));
    }

    /** The entry's {@code time}: every non-negative timing ({@code blocked} never is), ssl not twice. */
    double total() {
        return ms(Math.max(0, dns) + Math.max(0, connect) + send + wait + receive);
    }

    private static long micros(PhaseTimings t, Phase p) {
        return t.get(p).map(PhaseTimings::micros).orElse(ABSENT);
    }

    private static double ms(long micros) {
        return micros < 0 ? NOT_APPLICABLE : micros / 1_000.0;
    }
}
