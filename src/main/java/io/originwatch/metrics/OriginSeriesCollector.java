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
 * A page reads which origins it has and each one's latest result once, as it begins
 * ({@link #scrape()}); then each family is one pass over those, so the streamed page
 * ({@link MetricsPage}) writes a family's series together without keeping any. Every family of one
 * page shows the same probe of an origin and the same origins: a probe that ends, or an origin that
 * is added or removed, while the page is written shows on the next scrape.
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
        scrape().samples(family, sink);
    }

    /**
     * Which origins this page has and every value their series show, read in one pass over the
     * origins (one {@code exported} test and one read of each origin's state) into columns, from
     * which each family is then written by a pass over arrays. At 100,000 origins the eleven
     * passes over the registry's skip list, with a set lookup per origin and family, were 43% of a
     * scrape's CPU; reading each origin's objects again in every family (they are spread over the
     * heap: a cache miss each) took most of what was left. Per scrape the columns and the names'
     * copies are about 125 bytes per origin, garbage once the page is written; nothing is kept.
     */
    @Override
    Scrape scrape() {
        Page page = new Page(states instanceof java.util.Collection<?> c ? c.size() : 1024);
        for (OriginStateView state : states) {
            Origin configured = state.origin();
            String name = configured.name();
            if (exported.test(name)) {
                page.add(name, configured, state, counts.apply(name));
            }
        }
        return page;
    }

    /**
     * One scrape's origins and their values ({@link #scrape()}), a column per value, one row per
     * origin; each family one pass over them. {@code NaN} marks a phase the probe did not go
     * through, {@link Long#MIN_VALUE} a result without a leaf certificate, a null cause an origin
     * without a result (pending).
     */
    private static final class Page implements Scrape {

        private int size;
        private String[] names;
        /** The latest result's cause label, null before the first result. */
        private String[] causes;

        private String[] edgeStatus;
        private String[] alpn;
        private ProbeCounts[] counts;
        private boolean[] up;
        private int[] headerBytes;
        private int[] headerLimit;
        /** {@link #PHASES} per origin. */
        private double[] phases;

        private long[] certificateExpiry;
        private double[] lastProbe;
        private double[] interval;
        private double[] deadline;

        Page(int capacity) {
            allocate(Math.max(16, capacity + 16));
        }

        private void allocate(int capacity) {
            names = java.util.Arrays.copyOf(names == null ? new String[0] : names, capacity);
            causes = java.util.Arrays.copyOf(causes == null ? new String[0] : causes, capacity);
            edgeStatus = java.util.Arrays.copyOf(edgeStatus == null ? new String[0] : edgeStatus, capacity);
            alpn = java.util.Arrays.copyOf(alpn == null ? new String[0] : alpn, capacity);
            counts = java.util.Arrays.copyOf(counts == null ? new ProbeCounts[0] : counts, capacity);
            up = java.util.Arrays.copyOf(up == null ? new boolean[0] : up, capacity);
            headerBytes = java.util.Arrays.copyOf(headerBytes == null ? new int[0] : headerBytes, capacity);
            headerLimit = java.util.Arrays.copyOf(headerLimit == null ? new int[0] : headerLimit, capacity);
            phases = java.util.Arrays.copyOf(phases == null ? new double[0] : phases, capacity * PHASES.length);
            certificateExpiry =
                    java.util.Arrays.copyOf(certificateExpiry == null ? new long[0] : certificateExpiry, capacity);
            lastProbe = java.util.Arrays.copyOf(lastProbe == null ? new double[0] : lastProbe, capacity);
            interval = java.util.Arrays.copyOf(interval == null ? new double[0] : interval, capacity);
            deadline = java.util.Arrays.copyOf(deadline == null ? new double[0] : deadline, capacity);
        }

        void add(String name, Origin configured, OriginStateView state, ProbeCounts probeCounts) {
            if (size == names.length) {
                allocate(size + (size >> 1) + 16);
            }
            int i = size++;
            // a copy made here sits next to the previous origin's: every family reads the names in
            // this order, and the registry's own strings are spread over the heap (a cache miss each,
            // eleven per origin and page, were a third of a scrape's CPU at 100,000 origins)
            names[i] = new StringBuilder(name.length()).append(name).toString();
            counts[i] = probeCounts;
            interval[i] = seconds(configured.interval());
            deadline[i] = seconds(configured.runDeadline());
            ProbeRecord latest = state.latestOrNull();
            if (latest == null) {
                lastProbe[i] = epochSeconds(state.watchedSince());
                return; // causes[i] stays null: pending
            }
            Verdict v = latest.verdict();
            ProbeResult result = v.result();
            causes[i] = v.cause().label();
            edgeStatus[i] = statusLabel(v.edgeStatus());
            up[i] = v.up();
            headerBytes[i] = result.headerBytes();
            headerLimit[i] = result.spec().headerLimitBytes();
            PhaseTimings timings = result.timings();
            for (int p = 0; p < PHASES.length; p++) {
                long nanos = timings.nanos(PHASES[p]);
                phases[i * PHASES.length + p] = nanos == PhaseTimings.ABSENT ? Double.NaN : nanos / 1e9;
            }
            TlsFacts tls = result.tls();
            certificateExpiry[i] = tls != null && tls.leafNotAfter() != null
                    ? tls.leafNotAfter().getEpochSecond()
                    : Long.MIN_VALUE;
            String selected = result.alpn();
            alpn[i] = selected == null ? "none" : selected;
            lastProbe[i] = ended(v);
        }

        @Override
        public void samples(int family, SampleSink sink) {
            for (int i = 0; i < size; i++) {
                String name = names[i];
                boolean probed = causes[i] != null;
                switch (family) {
                    case UP -> {
                        if (probed) {
                            sink.sample(name, null, null, up[i] ? 1 : 0);
                        }
                    }
                    case STATUS_FAMILY -> {
                        if (probed) {
                            sink.sample(causes[i], edgeStatus[i], name, 1);
                        } else {
                            sink.sample(PENDING, NO_EDGE_STATUS, name, 1);
                        }
                    }
                    case HEADER_BYTES -> {
                        if (probed) {
                            sink.sample(name, null, null, headerBytes[i]);
                        }
                    }
                    case HEADER_LIMIT -> {
                        if (probed) {
                            sink.sample(name, null, null, headerLimit[i]);
                        }
                    }
                    case PHASE_SECONDS -> {
                        if (probed) {
                            for (int p = 0; p < PHASES.length; p++) {
                                double seconds = phases[i * PHASES.length + p];
                                if (!Double.isNaN(seconds)) {
                                    sink.sample(name, PHASES[p].label(), null, seconds);
                                }
                            }
                        }
                    }
                    case CERTIFICATE_EXPIRY -> {
                        if (probed && certificateExpiry[i] != Long.MIN_VALUE) {
                            sink.sample(name, null, null, certificateExpiry[i]);
                        }
                    }
                    case PROBES_TOTAL -> {
                        ProbeCounts c = counts[i];
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
                        // exactly one per origin: the protocol selected in ALPN, none without (plain http, no
                        // handshake)
                        if (probed) {
                            sink.sample(alpn[i], name, null, 1);
                        }
                    }
                    case LAST_PROBE -> sink.sample(name, null, null, lastProbe[i]);
                    case INTERVAL -> sink.sample(name, null, null, interval[i]);
                    case DEADLINE -> sink.sample(name, null, null, deadline[i]);
                    default -> throw new IllegalArgumentException("no family " + family);
                }
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
