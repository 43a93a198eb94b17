package io.originwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.StatusSet;
import io.originwatch.probe.TlsFacts;
import io.originwatch.schedule.OriginState;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one {@code /q/metrics} page at N origins, in process: no HTTP, no daemon. Builds
 * the state the daemon holds ({@link OriginState}s with a real {@link ProbeRecord} each, in a
 * skip-list map by name as {@code OriginRegistry} keeps them, a scheduled-here set and
 * {@link ProbeCounts} per origin), then writes the page as {@link MetricsRoute} does (the same
 * {@link MetricsPage#write}, each chunk encoded to UTF-8 into a reused array, as the route does
 * before handing it to Vert.x) to a sink that counts the bytes. Prints MB,
 * lines, wall and CPU ms per scrape (the CPU time of the writing thread: the box is shared), and bytes allocated per scrape by the writing thread
 * ({@code ThreadMXBean.getThreadAllocatedBytes}); then one more page, untimed, whose lines it
 * counts and whose bytes it digests.
 *
 * <p>Not a test: run it from the repository root (see bench/README.md, "In-process scrape"):
 *
 * <pre>
 *   mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       io.originwatch.metrics.ScrapeBench [--origins 100000] [--scrapes 20] [--format openmetrics|004] [--dump FILE]
 * </pre>
 *
 * The state is deterministic (a fixed seed, a fixed clock), so the page is the same bytes from one
 * build to the next: the printed SHA-256 compares builds, and {@code --dump} writes the page out.
 */
public final class ScrapeBench {

    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00.123456789Z");

    public static void main(String[] args) throws Exception {
        int origins = 100_000;
        int scrapes = 20;
        String format = "openmetrics";
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--origins" -> origins = Integer.parseInt(args[++i]);
                case "--scrapes" -> scrapes = Integer.parseInt(args[++i]);
                case "--format" -> format = args[++i];
                case "--dump" -> dump = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String contentType =
                format.equals("004") ? TextFormat.CONTENT_TYPE_004 : TextFormat.CONTENT_TYPE_OPENMETRICS_100;

        ConcurrentNavigableMap<String, OriginStateView> states = new ConcurrentSkipListMap<>();
        Set<String> scheduled = ConcurrentHashMap.newKeySet();
        ConcurrentMap<String, ProbeCounts> counts = new ConcurrentHashMap<>();
        fill(origins, states, scheduled, counts);
        OriginSeriesCollector collector = new OriginSeriesCollector(
                java.util.Collections.unmodifiableCollection(states.values()), scheduled::contains, counts::get);
        PrometheusMeterRegistry registry = registry();
        registry.getPrometheusRegistry().register(collector);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        System.out.printf(
                "origins %,d, format %s, %d scrapes (the first %d warm up), JDK %s%n",
                origins, format, scrapes, Math.min(5, scrapes - 1), Runtime.version());
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Long> allocated = new ArrayList<>();
        int warmup = Math.min(5, scrapes - 1);
        for (int s = 0; s < scrapes; s++) {
            CountingChunks sink = new CountingChunks(false, null);
            long a0 = threads.getThreadAllocatedBytes(thread);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            MetricsPage.write(contentType, new ChunkedText(sink), List.of(collector), registry);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            long a1 = threads.getThreadAllocatedBytes(thread);
            double millis = (t1 - t0) / 1e6;
            double cpuMillis = (c1 - c0) / 1e6;
            System.out.printf(
                    "scrape %2d: %,d bytes (%.1f MB), %,d chunks, %.1f ms wall, %.1f ms CPU, %,d bytes allocated%n",
                    s + 1, sink.bytes, sink.bytes / 1e6, sink.chunks, millis, cpuMillis, a1 - a0);
            if (s >= warmup) {
                ms.add(millis);
                cpu.add(cpuMillis);
                allocated.add(a1 - a0);
            }
        }
        // one more, untimed: lines counted and the page digested (and written out with --dump)
        CountingChunks check = new CountingChunks(true, dump == null ? null : Files.newOutputStream(dump));
        MetricsPage.write(contentType, new ChunkedText(check), List.of(collector), registry);
        check.close();
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cpuSorted =
                cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long medianAllocated = allocated.stream().sorted().toList().get(allocated.size() / 2);
        System.out.printf(
                "page: %,d bytes, %,d lines, sha-256 %s%n",
                check.bytes, check.lines, HexFormat.of().formatHex(check.digest.digest()));
        System.out.printf(
                "after %d warm-up scrapes, %d timed: wall ms min %.1f / median %.1f / max %.1f;"
                        + " CPU ms min %.1f / median %.1f;"
                        + " allocated per scrape (median) %,d bytes, %.1f per line%n",
                warmup,
                sorted.length,
                sorted[0],
                sorted[sorted.length / 2],
                sorted[sorted.length - 1],
                cpuSorted[0],
                cpuSorted[cpuSorted.length / 2],
                medianAllocated,
                (double) medianAllocated / check.lines);
    }

    /**
     * One origin in {@code i}: names and hosts as a SaaS fleet has them (a customer hostname per
     * origin), a tenth over HTTPS (h2, a leaf certificate), one in twenty failing (refused, reset or
     * timed out), a few pending, every origin with two configured labels (kept on the API, not on
     * metrics) and its probe counts by cause.
     */
    static void fill(
            int origins, Map<String, OriginStateView> states, Set<String> scheduled, Map<String, ProbeCounts> counts) {
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < origins; i++) {
            String name = "o" + i;
            boolean https = i % 10 == 3;
            String host = "customer-" + i + ".shops.example.com";
            ProbeSpec spec = new ProbeSpec(
                    name,
                    URI.create((https ? "https" : "http") + "://127.0.0." + (2 + i % 4) + ":" + (https ? 8443 : 8080)
                            + "/health"),
                    host,
                    "GET",
                    List.of(),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    i % 7 == 0 ? 16 * 1024 : 32 * 1024,
                    65536,
                    StatusSet.DEFAULT,
                    true,
                    null,
                    "originwatch/bench");
            Origin origin = new Origin(
                    spec,
                    Duration.ofSeconds(30),
                    Map.of("tenant", "t" + (i % 977), "tier", i % 3 == 0 ? "gold" : "std"),
                    "origins-file");
            OriginStateView state;
            if (i % 500 == 7) {
                state = new Pending(new OriginState(origin)); // no result yet
            } else {
                state = OriginState.afterOneProbe(origin, new ProbeRecord(verdict(spec, i, https, random)));
            }
            states.put(name, state);
            scheduled.add(name);
            if (state.latestOrNull() != null) {
                ProbeCounts c = new ProbeCounts();
                int ok = 50 + random.nextInt(2_000);
                for (int k = 0; k < ok; k++) {
                    c.increment(Cause.OK);
                }
                if (i % 20 == 1) {
                    c.increment(Cause.CONNECTION_REFUSED);
                    c.increment(Cause.CONNECT_TIMEOUT);
                }
                counts.put(name, c);
            }
        }
    }

    private static Verdict verdict(ProbeSpec spec, int i, boolean https, SplittableRandom random) {
        Map<Phase, Duration> byPhase = new EnumMap<>(Phase.class);
        Cause cause;
        int edge;
        if (i % 20 == 1) {
            cause = Cause.CONNECTION_REFUSED;
            edge = 521;
            byPhase.put(Phase.CONNECT, Duration.ofNanos(80_000 + random.nextInt(400_000)));
            byPhase.put(Phase.TOTAL, Duration.ofNanos(200_000 + random.nextInt(400_000)));
        } else {
            cause = Cause.OK;
            edge = 200;
            long connect = 60_000 + random.nextInt(900_000);
            long tls = https ? 1_500_000 + random.nextInt(3_000_000) : 0;
            long ttfb = 300_000 + random.nextInt(30_000_000);
            byPhase.put(Phase.CONNECT, Duration.ofNanos(connect));
            if (https) {
                byPhase.put(Phase.TLS, Duration.ofNanos(tls));
            }
            byPhase.put(Phase.TTFB, Duration.ofNanos(ttfb));
            byPhase.put(Phase.TOTAL, Duration.ofNanos(connect + tls + ttfb + random.nextInt(200_000)));
        }
        TlsFacts facts = !https
                ? null
                : new TlsFacts(
                        "TLSv1.3",
                        "TLS_AES_128_GCM_SHA256",
                        "CN=" + spec.host(),
                        List.of(spec.host()),
                        "CN=Bench CA",
                        T0.plus(Duration.ofDays(30 + i % 300)),
                        T0.minus(Duration.ofDays(60)),
                        null,
                        "h2",
                        null);
        ProbeFailure failure = cause == Cause.OK ? null : new ProbeFailure.Refused("Connection refused");
        ProbeResult result = new ProbeResult(
                spec,
                T0.plusNanos(random.nextLong(30_000_000_000L)),
                new PhaseTimings(byPhase),
                cause == Cause.OK ? new InetSocketAddress("127.0.0.2", 8080) : null,
                failure,
                null,
                cause == Cause.OK ? 180 + random.nextInt(400) : 0,
                cause == Cause.OK ? 2 : 0,
                false,
                false,
                facts,
                Evidence.none(),
                https ? ProbeResult.HTTP_2 : ProbeResult.HTTP_1_1);
        return new Verdict(result, cause, edge, cause == Cause.OK ? 200 : 0, List.of(), cause.label());
    }

    /** A pending origin's state, watched since a fixed time (the page shows it) so that the page is the same every run. */
    private record Pending(OriginState state) implements OriginStateView {
        @Override
        public Origin origin() {
            return state.origin();
        }

        @Override
        public Instant watchedSince() {
            return T0.minusSeconds(42);
        }

        @Override
        public Optional<ProbeRecord> latest() {
            return state.latest();
        }

        @Override
        public List<HistoryEntry> history() {
            return state.history();
        }

        @Override
        public int consecutiveFailures() {
            return state.consecutiveFailures();
        }

        @Override
        public int consecutiveSuccesses() {
            return state.consecutiveSuccesses();
        }

        @Override
        public Optional<Instant> lastCauseChange() {
            return state.lastCauseChange();
        }
    }

    /** A few meters of the registry's own, so the page has its second part as the daemon's has. */
    private static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (int i = 0; i < 20; i++) {
            Counter.builder("originwatch.bench.things")
                    .description("Things counted")
                    .tag("kind", "k" + i)
                    .register(registry)
                    .increment(i);
        }
        Gauge.builder("originwatch.bench.level", () -> 0.25).register(registry);
        Timer.builder("originwatch.bench.wait").register(registry).record(15, TimeUnit.MILLISECONDS);
        return registry;
    }

    /**
     * What {@code MetricsRoute.ResponseChunks} does with each chunk, less the Vert.x write: UTF-8
     * into a reused array; then counted, lines counted, digested, and written out if asked.
     */
    private static final class CountingChunks implements ChunkedText.ChunkOutput {

        private final MetricsRoute.Utf8 utf8 = new MetricsRoute.Utf8();
        private final boolean check;
        private final MessageDigest digest;
        private final OutputStream copy;
        long bytes;
        long lines;
        long chunks;

        CountingChunks(boolean check, OutputStream copy) throws Exception {
            this.check = check;
            this.copy = copy;
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(CharSequence chunk) throws IOException {
            int n = utf8.encode(chunk);
            consume(utf8.bytes(), n);
        }

        void consume(byte[] b, int n) throws IOException {
            bytes += n;
            chunks++;
            if (!check) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            digest.update(b, 0, n);
            if (copy != null) {
                copy.write(b, 0, n);
            }
        }

        void close() throws IOException {
            if (copy != null) {
                copy.close();
            }
        }
    }

    private ScrapeBench() {}
}
