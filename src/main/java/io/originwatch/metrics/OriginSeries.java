package io.originwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.originwatch.classify.Verdict;
import io.originwatch.origin.OriginStateView;
import io.originwatch.probe.Phase;
import io.originwatch.probe.TlsFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series of one origin. Values live in fields of this object (gauges read them), and every
 * registered meter is remembered, so removing the origin removes exactly its series. Not
 * thread-safe: {@link OriginMetrics} calls it under this object's lock.
 */
final class OriginSeries {

    private final MeterRegistry registry;
    private final String origin;
    private final List<Meter> fixed = new ArrayList<>();
    private final Map<String, Counter> probes = new HashMap<>();
    private final Map<Phase, Gauge> phaseGauges = new EnumMap<>(Phase.class);
    /** Read by the scrape thread while a probe thread writes: concurrent. */
    private final Map<Phase, Double> phaseSeconds = new ConcurrentHashMap<>();

    private Meter status;
    private String statusKey;
    private Gauge certExpiry;
    private Meter alpn;
    private String alpnLabel;
    private final OriginStateView state;
    private volatile double certExpirySeconds;

    /**
     * @param state the origin's one state: the up, header-bytes and header-limit gauges read its
     *              latest result on each scrape rather than a copy (they exist from the first result
     *              on, when there always is one)
     */
    OriginSeries(MeterRegistry registry, OriginStateView state) {
        this.registry = registry;
        this.state = state;
        this.origin = state.origin().name();
        fixed.add(gauge(
                "originwatch.origin.up",
                "1 if the last probe's cause was ok, else 0",
                s -> s.latest(v -> v.up() ? 1 : 0),
                null));
        fixed.add(gauge(
                "originwatch.response.header.bytes",
                "Header-section bytes of the last response",
                s -> s.latest(v -> v.result().headerBytes()),
                "bytes"));
        fixed.add(gauge(
                "originwatch.header.limit.bytes",
                "Header-section limit the origin is probed against",
                s -> s.latest(v -> v.result().spec().headerLimitBytes()),
                "bytes"));
    }

    private double latest(java.util.function.ToDoubleFunction<Verdict> f) {
        return state.latest().map(r -> f.applyAsDouble(r.verdict())).orElse(Double.NaN);
    }

    /**
     * Adds and removes the series whose presence or labels change with the result (status, phases,
     * certificate) and counts the probe; their values are kept here because a series exists only
     * while the result that made it is the latest.
     */
    void update(Verdict v) {
        probes.computeIfAbsent(
                        v.cause().label(),
                        cause -> Counter.builder("originwatch.probes")
                                .description("Probes finished, by cause")
                                .tags("origin", origin, "cause", cause)
                                .register(registry))
                .increment();
        updateStatus(v);
        updateAlpn(v);
        updatePhases(v);
        updateCertificate(Optional.ofNullable(v.result().tls())
                .map(TlsFacts::leafNotAfter)
                .orElse(null));
    }

    /** Exactly one status series: the old one goes before the new one appears. */
    private void updateStatus(Verdict v) {
        String edge = Integer.toString(v.edgeStatus());
        String key = v.cause().label() + "/" + edge;
        if (key.equals(statusKey)) {
            return;
        }
        if (status != null) {
            registry.remove(status);
        }
        status = Gauge.builder("originwatch.origin.status", () -> 1)
                .description("Always 1; the cause and edge_status labels carry the origin's current state")
                .tags("origin", origin, "cause", v.cause().label(), "edge_status", edge)
                .register(registry);
        statusKey = key;
    }

    /**
     * Exactly one ALPN series per origin: the protocol the origin selected in the last probe's TLS
     * handshake ({@code h2}, {@code http/1.1}), or {@code none} (no ALPN, plain http, no handshake).
     */
    private void updateAlpn(Verdict v) {
        String label = Optional.ofNullable(v.result().alpn()).orElse("none");
        if (label.equals(alpnLabel)) {
            return;
        }
        if (alpn != null) {
            registry.remove(alpn);
        }
        alpn = Gauge.builder("originwatch.origin.alpn.info", () -> 1)
                .description("Always 1; the alpn label is the protocol the origin selected in ALPN (none if none)")
                .tags("origin", origin, "alpn", label)
                .register(registry);
        alpnLabel = label;
    }

    /** A phase that did not happen in the last probe has no series. */
    private void updatePhases(Verdict v) {
        for (Phase phase : Phase.EXPORTED) {
            Optional<Duration> d = v.result().timings().get(phase);
            if (d.isPresent()) {
                phaseSeconds.put(phase, d.get().toNanos() / 1e9);
                phaseGauges.computeIfAbsent(
                        phase,
                        p -> Gauge.builder(
                                        "originwatch.probe.phase.seconds",
                                        this,
                                        s -> s.phaseSeconds.getOrDefault(p, Double.NaN))
                                .description("Duration of each phase of the last probe")
                                .baseUnit("seconds")
                                .tags("origin", origin, "phase", p.label())
                                .register(registry));
            } else {
                phaseSeconds.remove(phase);
                Gauge g = phaseGauges.remove(phase);
                if (g != null) {
                    registry.remove(g);
                }
            }
        }
    }

    private void updateCertificate(java.time.Instant notAfter) {
        if (notAfter == null) {
            if (certExpiry != null) {
                registry.remove(certExpiry);
                certExpiry = null;
            }
            return;
        }
        certExpirySeconds = notAfter.getEpochSecond();
        if (certExpiry == null) {
            certExpiry = gauge(
                    "originwatch.certificate.expiry.timestamp.seconds",
                    "Unix time when the origin's leaf certificate expires",
                    s -> s.certExpirySeconds,
                    "seconds");
        }
    }

    private Gauge gauge(String name, String help, java.util.function.ToDoubleFunction<OriginSeries> f, String unit) {
        return Gauge.builder(name, this, f)
                .description(help)
                .baseUnit(unit)
                .tags(Tags.of("origin", origin))
                .register(registry);
    }

    void removeAll() {
        List<Meter> all = new ArrayList<>(fixed);
        all.addAll(probes.values());
        all.addAll(phaseGauges.values());
        if (status != null) {
            all.add(status);
        }
        if (certExpiry != null) {
            all.add(certExpiry);
        }
        if (alpn != null) {
            all.add(alpn);
        }
        all.forEach(registry::remove);
        fixed.clear();
        probes.clear();
        phaseGauges.clear();
        status = null;
        certExpiry = null;
        alpn = null;
        alpnLabel = null;
    }
}
