package io.originwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.alert.AlertPolicy;
import io.originwatch.alert.AlertTracker;
import io.originwatch.alert.Notification;
import io.originwatch.alert.Thresholds;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.origin.Origin;
import io.originwatch.origin.ProbeRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One streak rule (origin.Streak): the API's consecutiveFailures / consecutiveSuccesses (the origin's
 * state) and the alert thresholds count the same results, a {@code probe_error} as neither. Fed the
 * same sequence, the state's count reaches {@code failure-threshold} exactly when the alert fires,
 * and {@code success-threshold} exactly when it resolves.
 */
class StreakAgreementTest {

    private static final Instant T0 = Instant.parse("2026-11-23T20:00:00Z");
    private static final Thresholds THRESHOLDS = new Thresholds(2, 2);

    /** Causes in order, and "failures/successes" the API shows after each. */
    record Case(String name, List<Cause> causes, List<String> streaks) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Cause reset = Cause.CONNECTION_RESET;
        Cause error = Cause.PROBE_ERROR;
        Cause ok = Cause.OK;
        return Stream.of(
                new Case("probe_error alone counts nothing", List.of(error, error), List.of("0/0", "0/0")),
                new Case(
                        "probe_error between two failures neither counts nor breaks the streak",
                        List.of(reset, error, reset),
                        List.of("1/0", "1/0", "2/0")),
                new Case(
                        "probe_error between two successes neither counts nor breaks the streak",
                        List.of(reset, reset, ok, error, ok),
                        List.of("1/0", "2/0", "0/1", "0/1", "0/2")),
                new Case(
                        "a failure zeroes the successes, a success the failures",
                        List.of(ok, ok, reset, ok),
                        List.of("0/1", "0/2", "1/0", "0/1")),
                new Case(
                        "probe_error after a failure keeps the failure count at the threshold",
                        List.of(reset, reset, error, error, reset),
                        List.of("1/0", "2/0", "2/0", "2/0", "3/0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theApiStreakIsTheCountTheAlertsCompareWithTheirThresholds(Case c) {
        OriginState state =
                new OriginState(new Origin(ProbeRunnerTest.spec("shop"), Duration.ofSeconds(30), Map.of(), "test"));
        AlertTracker alerts = new AlertTracker(new AlertPolicy(THRESHOLDS, Map.of(), Map.of()));
        List<String> streaks = new ArrayList<>();
        boolean firing = false;
        for (int i = 0; i < c.causes().size(); i++) {
            Instant at = T0.plusSeconds(30L * i);
            Verdict verdict = ProbeRunnerTest.verdict(c.causes().get(i), at);
            synchronized (state) {
                state.record(new ProbeRecord(verdict));
            }
            boolean before = firing;
            Optional<Notification> n = alerts.record("shop", Map.of(), verdict, at);
            if (n.isPresent()) {
                firing = n.get().state() == Notification.State.FIRING;
            }
            streaks.add(state.consecutiveFailures() + "/" + state.consecutiveSuccesses());
            assertThat(firing)
                    .as(
                            "after probe %d (%s): the alert fires exactly while the API's count has reached the threshold",
                            i, c.causes().get(i).label())
                    .isEqualTo(firing(state, before));
        }
        assertThat(streaks).isEqualTo(c.streaks());
    }

    /**
     * Whether the API's counts say the alert is firing: it fired once failures reached the threshold,
     * and stays until successes reach theirs.
     */
    private static boolean firing(OriginState state, boolean wasFiring) {
        if (state.consecutiveFailures() >= THRESHOLDS.failures()) {
            return true;
        }
        return wasFiring && state.consecutiveSuccesses() < THRESHOLDS.successes();
    }
}
