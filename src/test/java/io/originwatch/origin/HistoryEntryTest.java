package io.originwatch.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.probe.Phase;
import io.originwatch.testing.ProbeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact history entry keeps what /history shows, and shares repeated details between entries. */
class HistoryEntryTest {

    private static Verdict verdict(String detail, Map<Phase, Duration> timings) {
        ProbeBuilder probe = ProbeBuilder.probe().startedAt(Instant.EPOCH).headerBytes(812);
        timings.forEach(probe::timing);
        return probe.verdict(Cause.OK, 200, 200, detail, Warning.SLOW_RESPONSE);
    }

    @Test
    void keepsTimingsToTheMicrosecondAndAbsentPhasesAbsent() {
        Verdict v = verdict(
                "status 200", Map.of(Phase.CONNECT, Duration.ofNanos(1_234_567), Phase.TOTAL, Duration.ofMillis(40)));
        HistoryEntry e = HistoryEntry.of(v, Instant.ofEpochSecond(7), null);
        assertThat(e.timings().get(Phase.CONNECT)).contains(Duration.ofNanos(1_235_000));
        assertThat(e.timings().get(Phase.TOTAL)).contains(Duration.ofMillis(40));
        assertThat(e.timings().get(Phase.TLS)).isEmpty();
        assertThat(e.headerBytes()).isEqualTo(812);
        assertThat(e.probedAt()).isEqualTo(Instant.ofEpochSecond(7));
        assertThat(e.up()).isTrue();
        assertThat(e.warnings()).containsExactly(Warning.SLOW_RESPONSE);
    }

    @Test
    void anEqualDetailIsSharedWithThePreviousEntry() {
        HistoryEntry first = HistoryEntry.of(verdict(new String("status 200 OK"), Map.of()), Instant.EPOCH, null);
        HistoryEntry same = HistoryEntry.of(verdict(new String("status 200 OK"), Map.of()), Instant.EPOCH, first);
        HistoryEntry other = HistoryEntry.of(verdict("status 503", Map.of()), Instant.EPOCH, same);
        assertThat(same.detail()).isSameAs(first.detail());
        assertThat(same.warnings()).isSameAs(first.warnings());
        assertThat(other.detail()).isEqualTo("status 503");
    }
}
