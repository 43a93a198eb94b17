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

    @Test
    void theCompactFormReadsBackAsTheMapItWasMadeFrom() {
        java.util.Map<Phase, Duration> map = new java.util.EnumMap<>(Phase.class);
        map.put(Phase.CONNECT, Duration.ofNanos(1_500));
        map.put(Phase.TOTAL, Duration.ofMillis(7));
        map.put(Phase.DNS, Duration.ZERO);
        PhaseTimings t = new PhaseTimings(map);
        assertThat(t.byPhase()).isEqualTo(map);
        assertThat(t.nanos(Phase.CONNECT)).isEqualTo(1_500);
        assertThat(t.nanos(Phase.DNS)).isZero();
        assertThat(t.nanos(Phase.TLS)).isEqualTo(PhaseTimings.ABSENT);
        assertThat(t).isEqualTo(new PhaseTimings(map)).hasSameHashCodeAs(new PhaseTimings(map));
        assertThat(t).isNotEqualTo(PhaseTimings.none());
        assertThat(PhaseTimings.none().byPhase()).isEmpty();
    }

    @Test
    void theArrayCannotBeChangedFromOutside() {
        long[] nanos = new long[Phase.values().length];
        java.util.Arrays.fill(nanos, PhaseTimings.ABSENT);
        nanos[Phase.TOTAL.ordinal()] = 42;
        PhaseTimings t = new PhaseTimings(nanos);
        nanos[Phase.TOTAL.ordinal()] = 43;
        t.nanosByPhase()[Phase.TOTAL.ordinal()] = 44;
        assertThat(t.nanos(Phase.TOTAL)).isEqualTo(42);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PhaseTimings(new long[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 7 phases");
    }
}
