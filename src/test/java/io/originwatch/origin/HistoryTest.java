package io.originwatch.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.api.ResultView;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.probe.Phase;
import io.originwatch.testing.ProbeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The packed history reads back exactly what a {@link HistoryEntry} made from the verdict holds. */
class HistoryTest {

    private static Verdict verdict(Cause cause, int edge, int http, String detail, Warning... warnings) {
        return ProbeBuilder.probe()
                .headerBytes(812_345)
                .timing(Phase.DNS, Duration.ofNanos(2_001_000))
                .timing(Phase.CONNECT, Duration.ofNanos(1_234_567))
                .timing(Phase.TTFB, Duration.ofMillis(40))
                .timing(Phase.TOTAL, Duration.ofSeconds(125))
                .verdict(cause, edge, http, detail, warnings);
    }

    @Test
    void readsBackEveryFieldAsTheEntryOfTheVerdict() {
        List<Instant> times = List.of(
                Instant.parse("2026-12-01T15:40:12.123456789Z"),
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("2200-01-01T00:00:00.000001Z"));
        List<Verdict> verdicts = List.of(
                verdict(Cause.OK, 200, 200, "status 200", Warning.SLOW_RESPONSE),
                verdict(Cause.CONNECTION_RESET, 520, 0, "reset after 0 bytes"),
                verdict(Cause.UNEXPECTED_STATUS, 503, 503, null),
                verdict(Cause.PROBE_ERROR, 0, 0, "trust-ca unreadable"));
        History h = new History(10);
        for (int i = 0; i < times.size(); i++) {
            h.add(verdicts.get(i), times.get(i), i % 2 == 1);
        }
        List<HistoryEntry> read = h.entries();
        assertThat(read).hasSize(4);
        for (int i = 0; i < times.size(); i++) {
            HistoryEntry expected = HistoryEntry.of(verdicts.get(i), times.get(i), null, i % 2 == 1);
            HistoryEntry e = read.get(i);
            // the API's view covers every field the entry shows
            assertThat(ResultView.of(e)).isEqualTo(ResultView.of(expected));
            assertThat(e.probedAt()).isEqualTo(times.get(i));
            assertThat(e.timings().get(Phase.CONNECT)).contains(Duration.ofNanos(1_235_000));
            assertThat(e.timings().get(Phase.TOTAL)).contains(Duration.ofSeconds(125));
            assertThat(e.timings().get(Phase.TLS)).isEmpty();
            assertThat(e.headerBytes()).isEqualTo(812_345);
            assertThat(e.inMaintenance()).isEqualTo(i % 2 == 1);
        }
    }

    @Test
    void keepsTheLastResultsOldestFirst() {
        History h = new History(50);
        IntStream.range(0, 137)
                .forEach(i -> h.add(verdict(Cause.OK, 200, 200, "status 200"), Instant.ofEpochSecond(i), false));
        List<HistoryEntry> read = h.entries();
        assertThat(h.size()).isEqualTo(50);
        assertThat(read)
                .extracting(e -> e.probedAt().getEpochSecond())
                .containsExactlyElementsOf(
                        IntStream.range(87, 137).mapToObj(i -> (long) i).toList());
    }

    @Test
    void consecutiveEqualDetailsAndWarningsShareOneObject() {
        History h = new History(3);
        h.add(verdict(Cause.OK, 200, 200, new String("status 200"), Warning.SLOW_RESPONSE), Instant.EPOCH, false);
        h.add(verdict(Cause.OK, 200, 200, new String("status 200"), Warning.SLOW_RESPONSE), Instant.EPOCH, false);
        h.add(verdict(Cause.OK, 200, 200, "status 503"), Instant.EPOCH, false);
        h.add(verdict(Cause.OK, 200, 200, new String("status 503")), Instant.EPOCH, false);
        List<HistoryEntry> read = h.entries();
        assertThat(read.get(1).detail()).isEqualTo("status 503");
        assertThat(read.get(2).detail()).isSameAs(read.get(1).detail());
        assertThat(read.get(0).detail()).isEqualTo("status 200");
        assertThat(read.get(0).warnings()).containsExactly(Warning.SLOW_RESPONSE);
        assertThat(read.get(1).warnings()).isEmpty();
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThatThrownBy(() -> new History(0)).hasMessageContaining("capacity");
    }
}
