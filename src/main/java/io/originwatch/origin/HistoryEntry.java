package io.originwatch.origin;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One result in an origin's history: what {@code /history} and support bundles show, nothing more.
 * The history keeps 50 results per origin (the schedule's OriginState.HISTORY_SIZE), 5,000,000 for
 * 100,000 origins, so it does not keep these objects: {@link History} packs each result into five
 * longs and makes an entry when the history is read (the full verdict, with its head fields, TLS
 * facts and evidence bytes, takes 2-3 KB and only the latest result keeps it). An entry is one flat
 * object: the time and the exported phase timings are primitive fields, and a detail or warning list
 * equal to the previous entry's is shared with it (an origin repeats the same detail probe after probe).
 */
public final class HistoryEntry {

    /** Microseconds of a phase that did not happen. */
    private static final int ABSENT = -1;

    private final long epochSecond;
    private final int nano;
    private final Cause cause;
    private final short edgeStatus;
    private final short httpStatus;
    private final int headerBytes;
    private final List<Warning> warnings;
    private final String detail;
    private final int dnsMicros;
    private final int connectMicros;
    private final int tlsMicros;
    private final int ttfbMicros;
    private final int totalMicros;
    private final boolean inMaintenance;
    /** ALPN selected: 0 none, 1 h2, 2 http/1.1 (the only protocols the probe offers). */
    private final byte alpn;
    /** HTTP spoken: 0 none (no request went out), 1 HTTP/1.1, 2 HTTP/2. */
    private final byte httpVersion;

    private HistoryEntry(Verdict v, Instant probedAt, List<Warning> warnings, String detail, boolean inMaintenance) {
        this.epochSecond = probedAt.getEpochSecond();
        this.nano = probedAt.getNano();
        this.cause = v.cause();
        this.edgeStatus = (short) v.edgeStatus();
        this.httpStatus = (short) v.httpStatus();
        this.headerBytes = v.result().headerBytes();
        this.warnings = warnings;
        this.detail = detail;
        PhaseTimings t = v.result().timings();
        this.dnsMicros = micros(t, Phase.DNS);
        this.connectMicros = micros(t, Phase.CONNECT);
        this.tlsMicros = micros(t, Phase.TLS);
        this.ttfbMicros = micros(t, Phase.TTFB);
        this.totalMicros = micros(t, Phase.TOTAL);
        this.inMaintenance = inMaintenance;
        this.alpn = alpnCode(v.result().alpn());
        this.httpVersion = httpVersionCode(v.result().httpVersion());
    }

    /** The code of an ALPN protocol: 0 none, 1 h2, 2 http/1.1. */
    static byte alpnCode(String alpn) {
        return (byte) ("h2".equals(alpn) ? 1 : "http/1.1".equals(alpn) ? 2 : 0);
    }

    /** The code of the HTTP version spoken: 0 none, 1 HTTP/1.1, 2 HTTP/2. */
    static byte httpVersionCode(String version) {
        return (byte) (ProbeResult.HTTP_2.equals(version) ? 2 : ProbeResult.HTTP_1_1.equals(version) ? 1 : 0);
    }

    /** An entry from the fields {@link History} packs (one road: both go through the same fields). */
    HistoryEntry(
            long epochSecond,
            int nano,
            Cause cause,
            short edgeStatus,
            short httpStatus,
            int headerBytes,
            List<Warning> warnings,
            String detail,
            int[] micros,
            boolean inMaintenance,
            byte alpn,
            byte httpVersion) {
        this.epochSecond = epochSecond;
        this.nano = nano;
        this.cause = cause;
        this.edgeStatus = edgeStatus;
        this.httpStatus = httpStatus;
        this.headerBytes = headerBytes;
        this.warnings = warnings;
        this.detail = detail;
        this.dnsMicros = micros[0];
        this.connectMicros = micros[1];
        this.tlsMicros = micros[2];
        this.ttfbMicros = micros[3];
        this.totalMicros = micros[4];
        this.inMaintenance = inMaintenance;
        this.alpn = alpn;
        this.httpVersion = httpVersion;
    }

    /** The five exported phases' microseconds (or -1), in {@link #micros(int[])}'s order: dns, connect, tls, ttfb, total. */
    void micros(int[] into) {
        into[0] = dnsMicros;
        into[1] = connectMicros;
        into[2] = tlsMicros;
        into[3] = ttfbMicros;
        into[4] = totalMicros;
    }

    long epochSecond() {
        return epochSecond;
    }

    int nano() {
        return nano;
    }

    byte alpnCode() {
        return alpn;
    }

    byte httpVersionCode() {
        return httpVersion;
    }

    /** The protocol the origin selected in ALPN ({@code h2}, {@code http/1.1}), or null. */
    public String alpn() {
        return alpn == 1 ? "h2" : alpn == 2 ? "http/1.1" : null;
    }

    /** {@code HTTP/2} or {@code HTTP/1.1} as spoken, or null when no request went out. */
    public String httpVersion() {
        return httpVersion == 2 ? ProbeResult.HTTP_2 : httpVersion == 1 ? ProbeResult.HTTP_1_1 : null;
    }

    /** The entry for {@code v} outside any maintenance window. */
    public static HistoryEntry of(Verdict v, Instant probedAt, HistoryEntry previous) {
        return of(v, probedAt, previous, false);
    }

    /**
     * The entry for {@code v}, sharing the detail and warnings objects of {@code previous} when equal.
     *
     * @param inMaintenance the probe started inside one of the origin's maintenance windows
     */
    public static HistoryEntry of(Verdict v, Instant probedAt, HistoryEntry previous, boolean inMaintenance) {
        String detail = v.detail();
        List<Warning> warnings = v.warnings();
        if (previous != null) {
            detail = Objects.equals(previous.detail, detail) ? previous.detail : detail;
            warnings = previous.warnings.equals(warnings) ? previous.warnings : warnings;
        }
        return new HistoryEntry(v, probedAt, warnings, detail, inMaintenance);
    }

    /** The entry a kept result would have (for showing the latest result the way the history shows it). */
    public static HistoryEntry of(ProbeRecord r) {
        return of(r.verdict(), r.probedAt(), null);
    }

    static int micros(PhaseTimings t, Phase p) {
        long nanos = t.nanos(p);
        return nanos == PhaseTimings.ABSENT ? ABSENT : (int) Math.min(Integer.MAX_VALUE, PhaseTimings.micros(nanos));
    }

    public Instant probedAt() {
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    public Cause cause() {
        return cause;
    }

    public int edgeStatus() {
        return edgeStatus;
    }

    /** The origin's status, 0 if none. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean up() {
        return cause.healthy();
    }

    public List<Warning> warnings() {
        return warnings;
    }

    /** Response header section bytes seen. */
    public int headerBytes() {
        return headerBytes;
    }

    public String detail() {
        return detail;
    }

    /** The probe started inside one of the origin's maintenance windows. */
    public boolean inMaintenance() {
        return inMaintenance;
    }

    /** The {@link Phase#EXPORTED} phases that happened, at microsecond precision. */
    public PhaseTimings timings() {
        Map<Phase, Duration> byPhase = new EnumMap<>(Phase.class);
        for (Phase p : Phase.EXPORTED) {
            int micros = micros(p);
            if (micros != ABSENT) {
                byPhase.put(p, Duration.ofNanos(micros * 1_000L));
            }
        }
        return new PhaseTimings(byPhase);
    }

    /** The field of an exported phase: one primitive field each keeps the entry flat. */
    private int micros(Phase p) {
        return switch (p) {
            case DNS -> dnsMicros;
            case CONNECT -> connectMicros;
            case TLS -> tlsMicros;
            case TTFB -> ttfbMicros;
            case TOTAL -> totalMicros;
            case SEND, RECEIVE -> ABSENT;
        };
    }
}
