package io.originwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.origin.Origin;
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
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed page is the Prometheus client's page: the per-origin families written series by
 * series ({@link TextPage}) are character for character what {@link TextFormat} writes from the
 * same collector's samples, in both formats, and the whole page ({@link MetricsPage}) has exactly
 * the lines of {@code PrometheusMeterRegistry.scrape}, in chunks of bounded size.
 */
class TextPageTest {

    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00.123456789Z");

    private static ProbeSpec spec(String name, String scheme) {
        return new ProbeSpec(
                name,
                URI.create(scheme + "://127.0.0.1:8443/health"),
                name + ".test",
                "GET",
                List.of(),
                Duration.ofSeconds(19),
                Duration.ofSeconds(125),
                name.length() * 4096,
                65536,
                StatusSet.DEFAULT,
                true,
                null,
                "originwatch-test");
    }

    private static OriginState probed(String name, Cause cause, int edgeStatus, TlsFacts tls, Phase... phases) {
        Map<Phase, Duration> byPhase = new EnumMap<>(Phase.class);
        long nanos = 123_457L;
        for (Phase p : phases) {
            byPhase.put(p, Duration.ofNanos(nanos));
            nanos = nanos * 7 + 999_999_937L; // the last one over a second: the end timestamp carries
        }
        ProbeSpec spec = spec(name, tls == null ? "http" : "https");
        ProbeFailure failure = cause == Cause.OK ? null : new ProbeFailure.Reset(0, true);
        ProbeResult result = new ProbeResult(
                spec,
                T0,
                new PhaseTimings(byPhase),
                null,
                failure,
                null,
                name.length() * 1_234_567,
                0,
                false,
                false,
                tls,
                Evidence.none(),
                null);
        Verdict verdict = new Verdict(result, cause, edgeStatus, cause == Cause.OK ? 200 : 0, List.of(), cause.label());
        return OriginState.afterOneProbe(
                new Origin(spec, Duration.ofMillis(2_500), Map.of(), "test"), new ProbeRecord(verdict));
    }

    private static TlsFacts tls(String alpn) {
        return new TlsFacts(
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                "CN=shop",
                List.of("shop"),
                "CN=ca",
                Instant.parse("2027-03-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                alpn,
                null);
    }

    private static OriginSeriesCollector collector() {
        List<OriginState> states = List.of(
                probed("ok", Cause.OK, 200, null, Phase.CONNECT, Phase.TTFB, Phase.TOTAL),
                probed("tls-\"quoted\"\\back\nslash", Cause.CONNECTION_RESET, 520, tls("h2"), Phase.DNS, Phase.TLS),
                probed("no-alpn", Cause.OK, 1_000, tls(null), Phase.CONNECT, Phase.TLS, Phase.TTFB, Phase.TOTAL),
                new OriginState(new Origin(spec("pending", "http"), Duration.ofDays(1), Map.of(), "test")));
        ProbeCounts ok = new ProbeCounts();
        for (int i = 0; i < 13; i++) {
            ok.increment(Cause.OK);
        }
        ok.increment(Cause.CONNECTION_RESET);
        ProbeCounts reset = new ProbeCounts();
        reset.increment(Cause.CONNECTION_RESET);
        Map<String, ProbeCounts> counts = Map.of("ok", ok, "tls-\"quoted\"\\back\nslash", reset);
        return new OriginSeriesCollector(states, name -> !name.equals("not-here"), counts::get);
    }

    private static String streamed(String contentType, StreamedCollector collector) throws IOException {
        StringWriter page = new StringWriter();
        ChunkedText out = new ChunkedText(chunk -> page.append(chunk));
        new TextPage(out, contentType).write(collector);
        out.flush();
        return page.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TextFormat.CONTENT_TYPE_004, TextFormat.CONTENT_TYPE_OPENMETRICS_100})
    void thePerOriginFamiliesAreWhatThePrometheusClientWrites(String contentType) throws IOException {
        OriginSeriesCollector collector = collector();
        StringWriter expected = new StringWriter();
        TextFormat.writeFormat(contentType, expected, Collections.enumeration(collector.collect()));
        String eof = contentType.equals(TextFormat.CONTENT_TYPE_OPENMETRICS_100) ? "# EOF\n" : "";

        assertThat(streamed(contentType, collector) + eof).isEqualTo(expected.toString());
        assertThat(expected.toString())
                .as("the fixture reaches every family and the escapes")
                .contains("originwatch_certificate_expiry_timestamp_seconds{origin=")
                .contains("\\\"quoted\\\"\\\\back\\nslash")
                .contains("cause=\"pending\"")
                .contains("originwatch_probes_total{cause=\"ok\",origin=\"ok\"")
                .contains("E7"); // header bytes over 10^7: the double's own notation
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            doubles = {
                0,
                1,
                -1,
                8192,
                9_999_999,
                10_000_000,
                1.5,
                0.000123457,
                1.7648e9,
                1.764612000123e9,
                -0.0,
                1e300,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Long.MAX_VALUE,
                4.9e-324
            })
    void valuesAreGoFloatText(double value) {
        StringBuilder t = new StringBuilder();
        TextPage.value(t, value);
        assertThat(t.toString()).isEqualTo(io.prometheus.client.Collector.doubleToGoString(value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TextFormat.CONTENT_TYPE_004, TextFormat.CONTENT_TYPE_OPENMETRICS_100})
    void theWholePageHasTheRegistrysLinesInBoundedChunks(String contentType) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OriginSeriesCollector collector = collector();
        registry.getPrometheusRegistry().register(collector);
        Counter.builder("originwatch.test.things")
                .description("Things \"counted\"")
                .tag("kind", "a")
                .register(registry)
                .increment(3);
        Gauge.builder("originwatch.test.level", () -> 0.25).register(registry);
        Timer.builder("originwatch.test.wait").register(registry).record(15, TimeUnit.MILLISECONDS);
        String expected = registry.scrape(contentType);

        List<Integer> chunks = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        ChunkedText out = new ChunkedText(chunk -> {
            chunks.add(chunk.length());
            page.append(chunk);
        });
        MetricsPage.write(contentType, out, List.of(collector), registry);

        assertThat(sorted(page.toString())).isEqualTo(sorted(expected));
        if (contentType.equals(TextFormat.CONTENT_TYPE_OPENMETRICS_100)) {
            assertThat(page.toString()).endsWith("\n# EOF\n");
            assertThat(page.toString().split("# EOF", -1)).as("one end of page").hasSize(2);
        }
        List<String> lines = List.of(page.toString().split("\n"));
        int firstPerOrigin = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("originwatch_origin_up{"))
                .findFirst()
                .orElseThrow());
        assertThat(lines.subList(0, firstPerOrigin))
                .as("the process's own meters are read as the page begins, before the per-origin families")
                .anyMatch(l -> l.startsWith("originwatch_test_things_total{"))
                .anyMatch(l -> l.startsWith("originwatch_test_level "))
                .anyMatch(l -> l.startsWith("originwatch_test_wait_seconds_count "));
        assertThat(chunks).allMatch(n -> n < ChunkedText.CHUNK_CHARS + 1_000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 3, 2_000})
    void aLargeFleetLeavesInManyChunksEachAboutTheChunkSize(int origins) throws IOException {
        List<OriginState> states = new ArrayList<>();
        for (int i = 0; i < origins; i++) {
            states.add(probed("origin-" + i, Cause.OK, 200, null, Phase.CONNECT, Phase.TTFB, Phase.TOTAL));
        }
        OriginSeriesCollector collector = new OriginSeriesCollector(states, name -> null);
        List<Integer> chunks = new ArrayList<>();
        ChunkedText out = new ChunkedText(chunk -> chunks.add(chunk.length()));
        new TextPage(out, TextFormat.CONTENT_TYPE_004).write(collector);
        out.flush();
        StringWriter expected = new StringWriter();
        TextFormat.write004(expected, Collections.enumeration(collector.collect()));
        assertThat(chunks.stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(expected.toString().length());
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allMatch(n -> n >= ChunkedText.CHUNK_CHARS && n < ChunkedText.CHUNK_CHARS + 1_000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"plain ascii", "caf\u00e9 \u20ac", "\ud83d\ude00 pair", "lone \ud83d high", "lone \ude00 low", ""
            })
    void chunksAreUtf8AsTheJdkEncodesThem(String text) {
        byte[] b = new byte[3 * text.length()];
        int n = MetricsRoute.utf8(new StringBuilder(text), b);
        assertThat(java.util.Arrays.copyOf(b, n)).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> sorted(String page) {
        return Stream.of(page.split("\n")).sorted().toList();
    }
}
