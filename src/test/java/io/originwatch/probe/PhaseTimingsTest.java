package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one rounding of phase durations the API, HAR and history share. */
class PhaseTimingsTest {

    @Test
    void roundsToWholeMicrosecondsHalfUp() {
        assertThat(PhaseTimings.micros(Duration.ofNanos(1_234_499))).isEqualTo(1_234);
        assertThat(PhaseTimings.micros(Duration.ofNanos(1_234_500))).isEqualTo(1_235);
        assertThat(PhaseTimings.micros(Duration.ZERO)).isZero();
        assertThat(PhaseTimings.millis(Duration.ofNanos(1_234_567))).isEqualTo(1.235);
        assertThat(PhaseTimings.millis(Duration.ofSeconds(3))).isEqualTo(3000.0);
    }

    @Test
    void absentPhasesStayAbsent() {
        PhaseTimings t = new PhaseTimings(java.util.Map.of(Phase.TOTAL, Duration.ofMillis(5)));
        assertThat(t.get(Phase.DNS)).isEmpty();
        assertThat(t.get(Phase.TOTAL)).contains(Duration.ofMillis(5));
    }
}
