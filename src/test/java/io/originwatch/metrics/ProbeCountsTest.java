package io.originwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-origin probe counts behind originwatch_probes_total: one inline cause, an array for more. */
class ProbeCountsTest {

    @Test
    void aCauseNeverSeenCountsZero() {
        ProbeCounts c = new ProbeCounts();
        for (Cause cause : Cause.values()) {
            assertThat(c.get(cause)).isZero();
        }
    }

    @Test
    void theFirstCauseAndEveryLaterOneCountApart() {
        ProbeCounts c = new ProbeCounts();
        Cause[] causes = Cause.values();
        c.increment(causes[3]);
        c.increment(causes[3]);
        c.increment(causes[0]);
        c.increment(causes[causes.length - 1]);
        c.increment(causes[3]);
        assertThat(c.get(causes[3])).isEqualTo(3);
        assertThat(c.get(causes[0])).isEqualTo(1);
        assertThat(c.get(causes[causes.length - 1])).isEqualTo(1);
        assertThat(c.get(causes[1])).isZero();
    }

    @Test
    void concurrentIncrementsOfSeveralCausesAreAllCounted() throws InterruptedException {
        ProbeCounts c = new ProbeCounts();
        Cause[] causes = Cause.values();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Cause cause = causes[t % 3];
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    c.increment(cause);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(c.get(causes[0])).isEqualTo(20_000);
        assertThat(c.get(causes[1])).isEqualTo(10_000);
        assertThat(c.get(causes[2])).isEqualTo(10_000);
    }
}
