package io.originwatch.metrics;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.TlsFacts;
import io.prometheus.client.Collector.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes the per-origin families from each origin's state at scrape time, instead of registering
 * eight meters per origin (at 10,000 origins those were 80,220 Micrometer {@code Meter.Id}s and
 * 140,103 tags, about half the live heap). Names, labels, HELP texts and types are the ones the
 * Micrometer meters had. Which series exist:
 *
 * <ol>
 *   <li>nothing after an origin is removed, nothing for an origin another cluster member schedules;
 *   <li>from the first scrape on (before the first result too): exactly one status series, the
 *       interval, the run deadline and the last-probe timestamp. Before the first probe ends the status is
 *       {@code cause="pending",edge_status="0"} (0: no edge status known, as for {@code probe_error}),
 *       and the timestamp is when the origin began to be scheduled here ({@link OriginStateView#watchedSince()}),
 *       so the staleness alert also catches an origin that never completes a first probe;
 *   <li>up, header bytes, header limit and the one ALPN series from the latest result;
 *   <li>a phase series for each phase the latest probe went through;
 *   <li>the certificate expiry while the latest result carries a leaf certificate;
 *   <li>a probes counter for each cause the origin has seen, from {@link ProbeCounts}.
 * </ol>
 *
 * Label names are written in the order Micrometer wrote them (sorted), so the page reads the same.
 * Each family is one pass over the origins ({@link #samples}), so the streamed page
 * ({@link MetricsPage}) writes a family's series together without keeping any: a probe that ends
 * between two passes shows in the later families only, as a scrape of separate meters would.
 */
final class OriginSeriesCollector extends StreamedCollector {

    private static final List<String> ORIGIN = List.of("origin");
    private static final List<String> STATUS = List.of("cause", "edge_status", "origin");
    private static final List<String> PROBES = List.of("cause", "origin");
    private static final List<String> PHASE = List.of("origin", "phase");
    private static final List<String> ALPN = List.of("alpn", "origin");
    /** The cause label of an origin whose first probe has not ended. */
    static final String PENDING = "pending";
    /** Its edge_status label: no edge status known (as {@code probe_error} has). */
    static final String NO_EDGE_STATUS = "0";

    private static final Cause[] CAUSES = Cause.values();
    private static final Phase[] PHASES = Phase.EXPORTED.toArray(Phase[]::new);
    /** edge_status label values 0-999 written once, not a string per origin per scrape. */
    private static final String[] STATUS_LABELS = new String[1000];

    static {
        for (int i = 0; i < STATUS_LABELS.length; i++) {
            STATUS_LABELS[i] = Integer.toString(i);
        }
    }

    private static final int UP = 0;
    private static final int STATUS_FAMILY = 1;
    private static final int HEADER_BYTES = 2;
    private static final int HEADER_LIMIT = 3;
    private static final int PHASE_SECONDS = 4;
    private static final int CERTIFICATE_EXPIRY = 5;
    private static final int PROBES_TOTAL = 6;
    private static final int ALPN_INFO = 7;
    private static final int LAST_PROBE = 8;
    private static final int INTERVAL = 9;
    private static final int DEADLINE = 10;

    private static final List<Family> FAMILIES = List.of(
            new Family("originwatch_origin_up", Type.GAUGE, "1 if the last probe's cause was ok, else 0", ORIGIN),
            new Family(
                    "originwatch_origin_status",
                    Type.GAUGE,
                    "Always 1; the cause and edge_status labels carry the origin's current state",
                    STATUS),
            new Family(
                    "originwatch_response_header_bytes",
                    Type.GAUGE,
                    "Header-section bytes of the last response",
                    ORIGIN),
            new Family(
                    "originwatch_header_limit_bytes",
                    Type.GAUGE,
                    "Header-section limit the origin is probed against",
                    ORIGIN),
            new Family(
                    "originwatch_probe_phase_seconds", Type.GAUGE, "Duration of each phase of the last probe", PHASE),
            new Family(
                    "originwatch_certificate_expiry_timestamp_seconds",
                    Type.GAUGE,
                    "Unix time when the origin's leaf certificate expires",
                    ORIGIN),
            new Family("originwatch_probes", Type.COUNTER, "Probes finished, by cause", PROBES),
            new Family(
                    "originwatch_origin_alpn_info",
                    Type.GAUGE,
                    "Always 1; the alpn label is the protocol the origin selected in ALPN (none if none)",
                    ALPN),
            new Family(
                    "originwatch_origin_last_probe_timestamp_seconds",
                    Type.GAUGE,
                    "Unix time the origin's last completed probe ended (its probedAt plus its duration); before the first, when the origin began to be scheduled",
                    ORIGIN),
            new Family(
                    "originwatch_origin_probe_interval_seconds",
                    Type.GAUGE,
                    "Configured time between two probes of the origin",
                    ORIGIN),
            new Family(
                    "originwatch_origin_probe_deadline_seconds",
                    Type.GAUGE,
                    "Longest one scheduled run of the origin can take: connect plus response timeout plus 0.5 s, plus the same for its via-edge probe",
                    ORIGIN));

    private final Iterable<? extends OriginStateView> states;
    private final Predicate<String> exported;
    private final Function<String, ProbeCounts> counts;

    /** Every origin of {@code states} exported (standalone). */
    OriginSeriesCollector(Iterable<? extends OriginStateView> states, Function<String, ProbeCounts> counts) {
        this(states, name -> true, counts);
    }

    /**
     * @param states   every origin's state, read once per family and scrape
     * @param exported whether an origin's series are written by this process (cluster mode: the
     *                 origins this member owns; another member writes the rest)
     * @param counts   the probe counts of an origin by name, null when it has none
     */
    OriginSeriesCollector(
            Iterable<? extends OriginStateView> states,
            Predicate<String> exported,
            Function<String, ProbeCounts> counts) {
        this.states = states;
        this.exported = exported;
        this.counts = counts;
    }

    @Override
    List<Family> families() {
        return FAMILIES;
    }

    @Override
    void samples(int family, SampleSink sink) {
        for (OriginStateView state : states) {
            Origin configured = state.origin();
            String name = configured.name();
            if (!exported.test(name)) {
                continue;
            }
            ProbeRecord latest = state.latestOrNull();
            Verdict v = latest == null ? null : latest.verdict();
            switch (family) {
                case UP -> {
                    if (v != null) {
                        sink.sample(name, null, null, v.up() ? 1 : 0);
                    }
                }
                case STATUS_FAMILY -> {
                    if (v == null) {
                        sink.sample(PENDING, NO_EDGE_STATUS, name, 1);
                    } else {
                        sink.sample(v.cause().label(), statusLabel(v.edgeStatus()), name, 1);
                    }
                }
                case HEADER_BYTES -> {
                    if (v != null) {
                        sink.sample(name, null, null, v.result().headerBytes());
                    }
                }
                case HEADER_LIMIT -> {
                    if (v != null) {
                        sink.sample(name, null, null, v.result().spec().headerLimitBytes());
                    }
                }
                case PHASE_SECONDS -> {
                    if (v != null) {
                        phases(name, v.result(), sink);
                    }
                }
                case CERTIFICATE_EXPIRY -> {
                    TlsFacts tls = v == null ? null : v.result().tls();
                    if (tls != null && tls.leafNotAfter() != null) {
                        sink.sample(name, null, null, tls.leafNotAfter().getEpochSecond());
                    }
                }
                case PROBES_TOTAL -> {
                    ProbeCounts c = counts.apply(name);
                    if (c != null) {
                        for (Cause cause : CAUSES) {
                            long n = c.get(cause);
                            if (n > 0) {
                                sink.sample(cause.label(), name, null, n);
                            }
                        }
                    }
                }
                case ALPN_INFO -> {
                    // exactly one per origin: the protocol selected in ALPN, none without (plain http, no handshake)
                    if (v != null) {
                        String alpn = v.result().alpn();
                        sink.sample(alpn == null ? "none" : alpn, name, null, 1);
                    }
                }
                case LAST_PROBE ->
                    sink.sample(name, null, null, v == null ? epochSeconds(state.watchedSince()) : ended(v));
                case INTERVAL -> sink.sample(name, null, null, seconds(configured.interval()));
                case DEADLINE -> sink.sample(name, null, null, seconds(configured.runDeadline()));
                default -> throw new IllegalArgumentException("no family " + family);
            }
        }
    }

    private static void phases(String name, ProbeResult result, SampleSink sink) {
        PhaseTimings timings = result.timings();
        for (Phase p : PHASES) {
            long nanos = timings.nanos(p);
            if (nanos != PhaseTimings.ABSENT) {
                sink.sample(name, p.label(), null, nanos / 1e9);
            }
        }
    }

    private static String statusLabel(int edgeStatus) {
        return edgeStatus >= 0 && edgeStatus < STATUS_LABELS.length
                ? STATUS_LABELS[edgeStatus]
                : Integer.toString(edgeStatus);
    }

    /**
     * The end of the last completed probe: its start (probedAt, the probe's one clock) plus its
     * duration, in seconds; the arithmetic of {@code startedAt.plus(total)} without the Instant.
     */
    private static double ended(Verdict v) {
        Instant start = v.result().startedAt();
        long totalNanos = Math.max(0, v.result().timings().nanos(Phase.TOTAL));
        long seconds = Math.addExact(start.getEpochSecond(), totalNanos / 1_000_000_000L);
        long nanos = start.getNano() + totalNanos % 1_000_000_000L;
        if (nanos >= 1_000_000_000L) {
            seconds++;
            nanos -= 1_000_000_000L;
        }
        return seconds + nanos / 1e9;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double epochSeconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
