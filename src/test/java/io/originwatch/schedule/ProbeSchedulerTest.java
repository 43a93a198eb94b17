package io.originwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProbeSchedulerTest {

    private static final Duration TEN_S = Duration.ofSeconds(10);

    @Test
    void firstRunIsWithinOneIntervalAndAtTheNamesStableOffset() {
        Instant now = Instant.parse("2026-11-23T20:00:00.123Z");
        Instant first = ProbeScheduler.firstRun("shop", TEN_S, now);
        assertThat(first).isAfter(now).isBeforeOrEqualTo(now.plus(TEN_S));
        assertThat(Math.floorMod(first.toEpochMilli(), TEN_S.toMillis()))
                .isEqualTo(ProbeScheduler.offset("shop", TEN_S.toMillis()));
        // a restart later keeps the phase
        Instant afterRestart =
                ProbeScheduler.firstRun("shop", TEN_S, now.plusSeconds(3600).plusMillis(777));
        assertThat(Duration.between(first, afterRestart).toMillis() % TEN_S.toMillis())
                .isZero();
    }

    @Test
    void tenThousandOriginsAreSpreadAcrossTheInterval() {
        int[] perSecond = new int[10];
        IntStream.range(0, 10_000)
                .forEach(i -> perSecond[(int) (ProbeScheduler.offset("origin-" + i, 10_000) / 1000)]++);
        // evenly spread: each of the 10 one-second slots gets about 1,000 first runs
        assertThat(java.util.Arrays.stream(perSecond).boxed().toList())
                .allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }
}
