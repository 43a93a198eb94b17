package io.originwatch.metrics;

import io.originwatch.classify.Verdict;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginStateView;
import io.originwatch.probe.Phase;
import io.originwatch.probe.TlsFacts;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 */
final class OriginSeriesCollector extends Collector implements Collector.Describable {

    private static final List<String> ORIGIN = List.of("origin");
    private static final List<String> STATUS = List.of("cause", "edge_status", "origin");
    private static final List<String> PROBES = List.of("cause", "origin");
    private static final List<String> PHASE = List.of("origin", "phase");
    private static final List<String> ALPN = List.of("alpn", "origin");
    /** The cause label of an origin whose first probe has not ended. */
    static final String PENDING = "pending";
    /** Its edge_status label: no edge status known (as {@code probe_error} has). */
    static final String NO_EDGE_STATUS = "0";

    private final Iterable<? extends OriginStateView> states;
    private final Predicate<String> exported;
    private final Function<String, ProbeCounts> counts;

    /** Every origin of {@code states} exported (standalone). */
    OriginSeriesCollector(Iterable<? extends OriginStateView> states, Function<String, ProbeCounts> counts) {
        this(states, name -> true, counts);
    }

    /**
     * @param states   every origin's state, read once per scrape
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
    public List<MetricFamilySamples> collect() {
        List<Sample> up = new ArrayList<>();
        List<Sample> status = new ArrayList<>();
        List<Sample> headerBytes = new ArrayList<>();
        List<Sample> headerLimit = new ArrayList<>();
        List<Sample> phases = new ArrayList<>();
        List<Sample> certs = new ArrayList<>();
        List<Sample> probes = new ArrayList<>();
        List<Sample> alpn = new ArrayList<>();
        List<Sample> lastProbe = new ArrayList<>();
        List<Sample> interval = new ArrayList<>();
        List<Sample> deadline = new ArrayList<>();
        for (OriginStateView state : states) {
            Origin configured = state.origin();
            String name = configured.name();
            if (!exported.test(name)) {
                continue;
            }
            List<String> origin = List.of(name);
            interval.add(new Sample(
                    "originwatch_origin_probe_interval_seconds", ORIGIN, origin, seconds(configured.interval())));
            deadline.add(new Sample(
                    "originwatch_origin_probe_deadline_seconds", ORIGIN, origin, seconds(configured.runDeadline())));
            Optional<Verdict> latest = state.latest().map(r -> r.verdict());
            if (latest.isEmpty()) {
                status.add(new Sample("originwatch_origin_status", STATUS, List.of(PENDING, NO_EDGE_STATUS, name), 1));
                lastProbe.add(new Sample(
                        "originwatch_origin_last_probe_timestamp_seconds",
                        ORIGIN,
                        origin,
                        epochSeconds(state.watchedSince())));
                continue;
            }
            Verdict v = latest.get();
            // the end of the last completed probe: its start (probedAt, the probe's one clock) plus its duration
            Instant ended = v.result()
                    .startedAt()
                    .plus(v.result().timings().get(Phase.TOTAL).orElse(Duration.ZERO));
            lastProbe.add(
                    new Sample("originwatch_origin_last_probe_timestamp_seconds", ORIGIN, origin, epochSeconds(ended)));
            up.add(new Sample("originwatch_origin_up", ORIGIN, origin, v.up() ? 1 : 0));
            status.add(new Sample(
                    "originwatch_origin_status",
                    STATUS,
                    List.of(v.cause().label(), Integer.toString(v.edgeStatus()), name),
                    1));
            // exactly one per origin: the protocol selected in ALPN, none without (plain http, no handshake)
            alpn.add(new Sample(
                    "originwatch_origin_alpn_info",
                    ALPN,
                    List.of(Optional.ofNullable(v.result().alpn()).orElse("none"), name),
                    1));
            headerBytes.add(new Sample(
                    "originwatch_response_header_bytes",
                    ORIGIN,
                    origin,
                    v.result().headerBytes()));
            headerLimit.add(new Sample(
                    "originwatch_header_limit_bytes",
                    ORIGIN,
                    origin,
                    v.result().spec().headerLimitBytes()));
            for (Phase p : Phase.EXPORTED) {
                Optional<Duration> d = v.result().timings().get(p);
                d.ifPresent(t -> phases.add(new Sample(
                        "originwatch_probe_phase_seconds", PHASE, List.of(name, p.label()), t.toNanos() / 1e9)));
            }
            Optional.ofNullable(v.result().tls())
                    .map(TlsFacts::leafNotAfter)
                    .ifPresent(n -> certs.add(new Sample(
                            "originwatch_certificate_expiry_timestamp_seconds", ORIGIN, origin, n.getEpochSecond())));
            ProbeCounts c = counts.apply(name);
            if (c != null) {
                c.forEach((cause, n) ->
                        probes.add(new Sample("originwatch_probes_total", PROBES, List.of(cause.label(), name), n)));
            }
        }
        return families(
                up, status, headerBytes, headerLimit, phases, certs, probes, alpn, lastProbe, interval, deadline);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double epochSeconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** The families without samples, so the registry knows these names are taken. */
    @Override
    public List<MetricFamilySamples> describe() {
        return families(
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    private static List<MetricFamilySamples> families(
            List<Sample> up,
            List<Sample> status,
            List<Sample> headerBytes,
            List<Sample> headerLimit,
            List<Sample> phases,
            List<Sample> certs,
            List<Sample> probes,
            List<Sample> alpn,
            List<Sample> lastProbe,
            List<Sample> interval,
            List<Sample> deadline) {
        return List.of(
                new MetricFamilySamples(
                        "originwatch_origin_up", Type.GAUGE, "1 if the last probe's cause was ok, else 0", up),
                new MetricFamilySamples(
                        "originwatch_origin_status",
                        Type.GAUGE,
                        "Always 1; the cause and edge_status labels carry the origin's current state",
                        status),
                new MetricFamilySamples(
                        "originwatch_response_header_bytes",
                        Type.GAUGE,
                        "Header-section bytes of the last response",
                        headerBytes),
                new MetricFamilySamples(
                        "originwatch_header_limit_bytes",
                        Type.GAUGE,
                        "Header-section limit the origin is probed against",
                        headerLimit),
                new MetricFamilySamples(
                        "originwatch_probe_phase_seconds",
                        Type.GAUGE,
                        "Duration of each phase of the last probe",
                        phases),
                new MetricFamilySamples(
                        "originwatch_certificate_expiry_timestamp_seconds",
                        Type.GAUGE,
                        "Unix time when the origin's leaf certificate expires",
                        certs),
                new MetricFamilySamples("originwatch_probes", Type.COUNTER, "Probes finished, by cause", probes),
                new MetricFamilySamples(
                        "originwatch_origin_alpn_info",
                        Type.GAUGE,
                        "Always 1; the alpn label is the protocol the origin selected in ALPN (none if none)",
                        alpn),
                new MetricFamilySamples(
                        "originwatch_origin_last_probe_timestamp_seconds",
                        Type.GAUGE,
                        "Unix time the origin's last completed probe ended (its probedAt plus its duration); before the first, when the origin began to be scheduled",
                        lastProbe),
                new MetricFamilySamples(
                        "originwatch_origin_probe_interval_seconds",
                        Type.GAUGE,
                        "Configured time between two probes of the origin",
                        interval),
                new MetricFamilySamples(
                        "originwatch_origin_probe_deadline_seconds",
                        Type.GAUGE,
                        "Longest one scheduled run of the origin can take: connect plus response timeout plus 0.5 s, plus the same for its via-edge probe",
                        deadline));
    }
}
