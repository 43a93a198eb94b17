package io.originwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.api.LimitsView;
import io.originwatch.api.ParseFailureView;
import io.originwatch.api.ResultView;
import io.originwatch.api.TimingsView;
import io.originwatch.evidence.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's view models, built in Java so the templates only loop and branch. */
class ConsoleViewsTest {

    @Test
    void meterSaysOverTheLimitInWordsAndCapsTheBar() {
        Meter over = Meter.of(8193, 8192, 6144);
        assertThat(over.text()).isEqualTo("8193 of 8192 bytes (over the limit)");
        assertThat(over.level()).isEqualTo("over");
        assertThat(over.bar()).isEqualTo(Meter.WIDTH);
        assertThat(over.mark()).isEqualTo(75);
        assertThat(Meter.of(8192, 8192, 6144).level())
                .as("the limit itself passes")
                .isEqualTo("near");
        assertThat(Meter.of(6143, 8192, 6144).level()).isEqualTo("ok");
        assertThat(Meter.of(6144, 8192, 6144).text()).isEqualTo("6144 of 8192 bytes (75%, near the limit)");
        assertThat(Meter.of(null, 8192, 6144).level()).isEqualTo("none");
    }

    @Test
    void stripDrawsOneRectPerRunAndSaysTheSameInWords() {
        List<ResultView> h = new ArrayList<>();
        for (int i = 0; i < 47; i++) {
            h.add(result("ok", true));
        }
        for (int i = 0; i < 3; i++) {
            h.add(result("connection_reset", false));
        }
        Strip s = Strip.of(h);
        assertThat(s.runs()).hasSize(2);
        assertThat(s.runs().get(1).x()).isEqualTo(47 * Strip.CELL);
        assertThat(s.runs().get(1).state()).isEqualTo("bad");
        assertThat(s.width()).isEqualTo(50 * Strip.CELL);
        assertThat(s.text()).isEqualTo("last 50 results: 47 ok, 3 failing (newest failing)");
        assertThat(Strip.of(List.of()).text()).isEqualTo("no results yet");
    }

    @Test
    void waterfallStopsInTheFailedPhaseOnTheBudgetsScale() {
        TimingsView t = new TimingsView(null, 1.0, null, null, 2.5);
        LimitsView limits = new LimitsView(2000, 3000, 1500, 8192, 6144);
        Waterfall w = Waterfall.of(t, limits, "wait", "connection_reset");
        assertThat(w.rows()).extracting(Waterfall.Row::phase).containsExactly("connect", "wait");
        Waterfall.Row wait = w.rows().get(1);
        assertThat(wait.stopped()).isTrue();
        assertThat(wait.duration()).isEqualTo("1.50 ms");
        assertThat(wait.note()).isEqualTo("probe stopped in wait: connection_reset");
        assertThat(w.axis()).as("connect + response timeout, 2% headroom").isEqualTo("3.1 s");
        assertThat(w.marks())
                .extracting(Waterfall.Mark::kind)
                .containsExactly("connect-timeout", "slow-response", "response-timeout");
        assertThat(w.marks().get(2).x()).isLessThan(Waterfall.WIDTH);
    }

    @Test
    void completedProbeEndsWithReceive() {
        TimingsView t = new TimingsView(0.1, 1.0, 5.0, 2.0, 9.0);
        Waterfall w = Waterfall.of(t, new LimitsView(5000, 10000, 5000, 8192, 6144), null, "ok");
        assertThat(w.rows())
                .extracting(Waterfall.Row::phase)
                .containsExactly("dns", "connect", "tls", "wait", "receive");
        assertThat(w.rows()).noneMatch(Waterfall.Row::stopped);
    }

    @Test
    void headRowsEscapeNonPrintableBytesRedactSecretsAndMarkTheFailingLine() {
        byte[] head = "HTTP/1.1 200 OK\r\nSet-Cookie: s=1\r\nX-Bin: a\u0000\u00e9\\\r\nBad line\r\n\r\nbody"
                .getBytes(StandardCharsets.ISO_8859_1);
        ParseFailureView failure = new ParseFailureView("malformed_header", "no colon", 56, 3);
        HeadRows.Head h = HeadRows.of(head, Redactor.defaults(), failure);
        assertThat(h.rows())
                .extracting(HeadRows.Row::text)
                .containsExactly("HTTP/1.1 200 OK", "Set-Cookie: [redacted]", "X-Bin: a\\x00\\xE9\\\\", "Bad line", "");
        assertThat(h.rows()).extracting(HeadRows.Row::offset).containsExactly(0, 17, 34, 47, 57);
        assertThat(h.rows())
                .filteredOn(HeadRows.Row::failing)
                .extracting(HeadRows.Row::number)
                .containsExactly(3);
        assertThat(h.rows().get(2).ending()).isEqualTo("CRLF");
        assertThat(h.largest().get(0).number()).isEqualTo(1);
    }

    @Test
    void aHeadCutOffHasALastLineWithoutEnding() {
        HeadRows.Head h =
                HeadRows.of("HTTP/1.1 200 OK\r\nX: y".getBytes(StandardCharsets.ISO_8859_1), Redactor.defaults(), null);
        assertThat(h.rows()).extracting(HeadRows.Row::ending).containsExactly("CRLF", "none");
    }

    @Test
    void crossSiteWritesAreRecognised() {
        assertThat(ConsoleHeaders.crossSite("same-origin", "http://localhost:8080", "localhost:8080"))
                .isNull();
        assertThat(ConsoleHeaders.crossSite(null, null, "localhost:8080"))
                .as("curl")
                .isNull();
        assertThat(ConsoleHeaders.crossSite("cross-site", null, "localhost:8080"))
                .contains("cross-site");
        assertThat(ConsoleHeaders.crossSite(null, "https://evil.test", "localhost:8080"))
                .contains("evil.test");
        assertThat(ConsoleHeaders.crossSite("same-site", null, "localhost:8080"))
                .contains("same-site");
    }

    private static ResultView result(String cause, boolean up) {
        return new ResultView(
                cause,
                up ? 200 : 520,
                up ? 200 : null,
                up,
                List.of(),
                100,
                null,
                "2026-12-01T00:00:00Z",
                "d",
                false,
                "HTTP/1.1",
                null);
    }
}
