package io.originwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.probe.Phase;
import io.originwatch.testing.ProbeBuilder;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's timings, the history and the metrics show the same phases: {@link Phase#EXPORTED}. */
class TimingsViewTest {

    @Test
    void oneComponentPerExportedPhaseInItsOrder() {
        List<String> components = Arrays.stream(TimingsView.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(components)
                .containsExactlyElementsOf(
                        Phase.EXPORTED.stream().map(Phase::label).toList());
    }

    @Test
    void theHistoryKeepsExactlyTheExportedPhasesAndTheViewShowsThemRoundedOnce() {
        ProbeBuilder probe = ProbeBuilder.probe();
        for (Phase p : Phase.values()) {
            probe.timing(p, Duration.ofNanos(1_000_000L * (p.ordinal() + 1) + 1_500));
        }
        HistoryEntry e = HistoryEntry.of(probe.verdict(Cause.OK, 200, 200, "status 200"), Instant.EPOCH, null);
        assertThat(e.timings().byPhase().keySet()).containsExactlyElementsOf(Phase.EXPORTED);

        TimingsView v = ResultView.of(e).timings();
        // half a microsecond rounds up, once: 1 ms + 1.5 us is 1.002 ms
        assertThat(v.dns()).isEqualTo(1.002);
        assertThat(v.connect()).isEqualTo(2.002);
        assertThat(v.tls()).isEqualTo(3.002);
        assertThat(v.ttfb()).isEqualTo(5.002);
        assertThat(v.total()).isEqualTo(7.002);
    }
}
