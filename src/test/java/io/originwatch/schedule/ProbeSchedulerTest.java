package io.originwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.origin.Origin;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** A Quartz stand-in counting the batch calls and the jobs/keys each carried. */
    private static org.quartz.Scheduler counting(List<Integer> scheduled, List<Integer> deleted) {
        return (org.quartz.Scheduler) Proxy.newProxyInstance(
                ProbeSchedulerTest.class.getClassLoader(), new Class<?>[] {org.quartz.Scheduler.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "scheduleJobs" -> {
                            assertThat((Boolean) a[1]).as("replace in place").isTrue();
                            scheduled.add(((Map<?, ?>) a[0]).size());
                        }
                        case "deleteJobs" -> deleted.add(((List<?>) a[0]).size());
                        default -> throw new AssertionError("unexpected Quartz call " + m.getName());
                    }
                    return m.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }

    @Test
    void originsAreScheduledAndUnscheduledInBatchesNotOneCallEach() {
        List<Integer> scheduled = new ArrayList<>();
        List<Integer> deleted = new ArrayList<>();
        ProbeScheduler scheduler = new ProbeScheduler();
        scheduler.quartz = counting(scheduled, deleted);
        List<Origin> origins = IntStream.range(0, 2_500)
                .mapToObj(i -> new Origin(ProbeRunnerTest.spec("o" + i), TEN_S, Map.of(), "test"))
                .toList();

        scheduler.scheduleAll(origins);
        scheduler.unscheduleAll(origins.stream().map(Origin::name).toList());
        scheduler.scheduleAll(List.of());
        scheduler.unscheduleAll(List.of());

        assertThat(scheduled).containsExactly(ProbeScheduler.BATCH, ProbeScheduler.BATCH, 500);
        assertThat(deleted).containsExactly(ProbeScheduler.BATCH, ProbeScheduler.BATCH, 500);
    }
}
