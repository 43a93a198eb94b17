package io.originwatch.metrics;

import io.originwatch.classify.Verdict;
import io.originwatch.origin.OriginStateView;
import io.originwatch.probe.Phase;
import io.originwatch.probe.TlsFacts;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes the per-origin families from each origin's state at scrape time, instead of registering
 * eight meters per origin (at 10,000 origins those were 80,220 Micrometer {@code Meter.Id}s and
 * 140,103 tags, about half the live heap). Names, labels, HELP texts and types are the ones the
 * Micrometer meters had; a series exists exactly when it did before:
 *
 * <ol>
 *   <li>nothing before an origin's first result, nothing after it is removed;
 *   <li>up, header bytes, header limit, the one status series and the one ALPN series from the latest result;
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
        for (OriginStateView state : states) {
            Optional<Verdict> latest = state.latest().map(r -> r.verdict());
            if (latest.isEmpty() || !exported.test(state.origin().name())) {
                continue;
            }
            Verdict v = latest.get();
            String name = state.origin().name();
            List<String> origin = List.of(name);
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
        return families(up, status, headerBytes, headerLimit, phases, certs, probes, alpn);
    }

    /** The families without samples, so the registry knows these names are taken. */
    @Override
    public List<MetricFamilySamples> describe() {
        return families(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<MetricFamilySamples> families(
            List<Sample> up,
            List<Sample> status,
            List<Sample> headerBytes,
            List<Sample> headerLimit,
            List<Sample> phases,
            List<Sample> certs,
            List<Sample> probes,
            List<Sample> alpn) {
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
                        alpn));
    }
}
