package io.originwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.origin.HistoryEntry;
import io.originwatch.testing.FakeOriginsProfile;
import io.originwatch.testing.FakeOriginsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code slow} answers after 4 s but is scheduled every second; {@code ok} is scheduled every second
 * too. The slow origin must neither delay {@code ok} (probes run on their own virtual threads) nor
 * overlap itself (runs due while it is in flight are skipped, not queued).
 */
@QuarkusTest
@TestProfile(FakeOriginsProfile.class)
class ScheduleIsolationTest {

    @Inject
    OriginRegistry registry;

    @Test
    void aSlowOriginDoesNotDelayTheOthersAndNeverOverlapsItself() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> times("slow").size() >= 2 && times("ok").size() >= 6);

        List<Instant> ok = times("ok");
        for (int i = 1; i < ok.size(); i++) {
            // due every 1000 ms; waiting behind the slow origin would stretch a gap to ~4 s. The
            // margin allows up to two runs skipped as late on a loaded machine (a 3 s gap).
            assertThat(Duration.between(ok.get(i - 1), ok.get(i)))
                    .as("gap before ok probe %d", i)
                    .isPositive()
                    .isLessThan(Duration.ofMillis(3500));
        }
        List<Instant> slow = times("slow");
        for (int i = 1; i < slow.size(); i++) {
            assertThat(Duration.between(slow.get(i - 1), slow.get(i)))
                    .as("gap before slow probe %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(FakeOriginsResource.SLOW_MILLIS));
        }
    }

    private List<Instant> times(String origin) {
        return registry.state(origin).orElseThrow().history().stream()
                .map(HistoryEntry::probedAt)
                .toList();
    }
}
