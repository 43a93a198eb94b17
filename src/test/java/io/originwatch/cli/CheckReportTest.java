package io.originwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ResponseHead;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.StatusSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's arithmetic: the waterfall adds up, header bytes against the limit at its boundary. */
class CheckReportTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static ProbeResult result(Map<Phase, Duration> timings, int headerBytes, int limit) {
        ProbeSpec spec = new ProbeSpec(
                "shop",
                URI.create("http://203.0.113.10/"),
                "shop.example.com",
                "GET",
                List.of(),
                Duration.ofSeconds(19),
                Duration.ofSeconds(125),
                limit,
                64 * 1024,
                StatusSet.DEFAULT,
                true,
                null,
                "originwatch/test");
        ResponseHead head =
                new ResponseHead("HTTP/1.1", 200, "OK", List.of(new HeaderField("Server", "x")), headerBytes);
        return new ProbeResult(
                spec,
                NOW,
                new PhaseTimings(timings),
                null,
                null,
                head,
                headerBytes,
                0,
                false,
                false,
                null,
                Evidence.none());
    }

    private static String waterfall(Map<Phase, Duration> timings) {
        StringBuilder out = new StringBuilder();
        CheckReport.waterfall(out, result(timings, 100, 8192));
        return out.toString();
    }

    @Test
    void phasesFollowEachOtherAndTheTotalSpansTheWidth() {
        String w = waterfall(Map.of(
                Phase.DNS, ms(10),
                Phase.CONNECT, ms(10),
                Phase.TTFB, ms(20),
                Phase.TOTAL, ms(40)));
        List<String> rows = w.lines().toList();

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0))
                .startsWith("  timings   dns          10.0 ms  |##########")
                .endsWith("|" + "#".repeat(10));
        assertThat(rows.get(1)).endsWith("|" + " ".repeat(10) + "#".repeat(10));
        assertThat(rows.get(2)).endsWith("|" + " ".repeat(20) + "#".repeat(20));
        assertThat(rows.get(3)).contains("total").endsWith("|" + "#".repeat(CheckReport.WATERFALL_WIDTH));
    }

    @Test
    void aTinyPhaseStillShowsAndTimeInNoPhaseGetsItsOwnRow() {
        String w = waterfall(Map.of(Phase.CONNECT, Duration.ofNanos(1_000), Phase.TOTAL, ms(100)));

        assertThat(w).contains("connect       0.0 ms  |#\n");
        assertThat(w).contains("(rest)      100.0 ms  |" + "#".repeat(CheckReport.WATERFALL_WIDTH));
    }

    @Test
    void noTimingsSaysSo() {
        assertThat(waterfall(Map.of())).isEqualTo("  timings   none recorded\n");
    }

    @Test
    void headerBytesAtTheLimitPassAndOneMoreIsOver() {
        assertThat(CheckReport.headerBytes(result(Map.of(), 8192, 8192)))
                .isEqualTo("8,192 of the 8,192-byte limit (100%)");
        assertThat(CheckReport.headerBytes(result(Map.of(), 8193, 8192)))
                .isEqualTo("8,193 of the 8,192-byte limit (101%): over the limit");
        assertThat(CheckReport.headerBytes(result(Map.of(), 0, 8192))).endsWith(": no response head received");
    }

    @Test
    void verdictLineNamesTheEdgesAnswerAndTheWarnings() {
        Verdict ok = new Classifier().classify(result(Map.of(Phase.TOTAL, ms(1)), 7000, 8192), NOW);

        assertThat(CheckReport.verdictLine(ok))
                .isEqualTo("the edge would answer 200: ok (warnings: headers_near_limit)");
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
