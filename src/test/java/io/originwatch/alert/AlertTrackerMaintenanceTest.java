package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.testing.ProbeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tracker in maintenance windows (issue 17's semantics, one case per line): probing and streaks go
 * on; an alert firing when the window began is carried; otherwise no alert opens until the first
 * probe after the window, which fires once if the origin is still failing past the threshold.
 */
class AlertTrackerMaintenanceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    /**
     * Probes of origin "shop": a cause, with "@m" when the probe started inside a window. Expected
     * per probe: "-" nothing, "F:cause" fire, "U:cause<old" update, "R:cause" resolve. {@code startsAt}
     * is the index of the probe the last fired alert must start at, or -1.
     */
    record Case(String name, Thresholds thresholds, List<String> probes, List<String> expected, int startsAt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Thresholds d = Thresholds.DEFAULT;
        return Stream.of(
                new Case(
                        "suppressed: streaks count inside, no alert opens, the first probe after fires once",
                        d,
                        List.of(
                                "connect_timeout@m",
                                "connect_timeout@m",
                                "connect_timeout@m",
                                "connect_timeout",
                                "connect_timeout"),
                        List.of("-", "-", "-", "F:connect_timeout", "-"),
                        0),
                new Case(
                        "suppressed: an outage one probe short of the threshold at the window's end fires on reaching it",
                        new Thresholds(3, 2),
                        List.of("ok@m", "connection_reset@m", "connection_reset", "connection_reset"),
                        List.of("-", "-", "-", "F:connection_reset"),
                        1),
                new Case(
                        "suppressed: a flap wholly inside a window sends nothing, then or after",
                        d,
                        List.of("empty_response@m", "empty_response@m", "empty_response@m", "ok@m", "ok@m", "ok", "ok"),
                        List.of("-", "-", "-", "-", "-", "-", "-"),
                        -1),
                new Case(
                        "suppressed: an outage that ends with the window sends nothing",
                        d,
                        List.of("connection_refused@m", "connection_refused@m", "ok", "ok"),
                        List.of("-", "-", "-", "-"),
                        -1),
                new Case(
                        "suppressed: a good first probe after the window ends the run",
                        d,
                        List.of("connection_refused@m", "connection_refused@m", "ok", "connection_refused"),
                        List.of("-", "-", "-", "-"),
                        -1),
                new Case(
                        "carried: an alert firing when the window began changes cause inside it",
                        d,
                        List.of("connection_reset", "connection_reset", "empty_response@m", "empty_response@m"),
                        List.of("-", "F:connection_reset", "U:empty_response<connection_reset", "-"),
                        0),
                new Case(
                        "carried: it resolves normally inside the window",
                        d,
                        List.of("connection_reset", "connection_reset", "connection_reset@m", "ok@m", "ok@m"),
                        List.of("-", "F:connection_reset", "-", "-", "R:connection_reset"),
                        0),
                new Case(
                        "carried: once resolved inside the window, a new outage there is suppressed",
                        d,
                        List.of(
                                "connection_reset",
                                "connection_reset",
                                "ok@m",
                                "ok@m",
                                "unreachable@m",
                                "unreachable@m",
                                "unreachable"),
                        List.of("-", "F:connection_reset", "-", "R:connection_reset", "-", "-", "F:unreachable"),
                        4),
                new Case(
                        "carried: it stays firing across the whole window and after",
                        d,
                        List.of(
                                "response_timeout",
                                "response_timeout",
                                "response_timeout@m",
                                "response_timeout@m",
                                "response_timeout",
                                "ok",
                                "ok"),
                        List.of("-", "F:response_timeout", "-", "-", "-", "-", "R:response_timeout"),
                        0),
                new Case(
                        "a probe error inside a window counts neither way",
                        d,
                        List.of("connect_timeout@m", "probe_error@m", "connect_timeout@m", "probe_error"),
                        List.of("-", "-", "-", "-"),
                        -1),
                new Case(
                        "a bad probe before the window and one inside open nothing",
                        d,
                        List.of("connect_timeout", "connect_timeout@m", "connect_timeout"),
                        List.of("-", "-", "F:connect_timeout"),
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void windows(Case c) {
        List<Notification> published = new ArrayList<>();
        AlertTracker tracker = new AlertTracker(new AlertPolicy(c.thresholds(), Map.of(), Map.of()), published::add);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < c.probes().size(); i++) {
            String[] p = c.probes().get(i).split("@");
            Instant at = T0.plus(INTERVAL.multipliedBy(i));
            Cause cause = Cause.valueOf(p[0].toUpperCase());
            sent.add(describe(
                    tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", cause, at), p.length == 2, at)));
        }
        assertThat(sent).isEqualTo(c.expected());
        assertThat(published)
                .hasSize((int) c.expected().stream().filter(s -> !s.equals("-")).count());
        if (c.startsAt() >= 0) {
            Notification lastFire = published.stream()
                    .filter(n -> n.state() == Notification.State.FIRING)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(lastFire.alert().startsAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(c.startsAt())));
        }
    }

    @Test
    void firingTellsACarriedAlertFromASuppressedOrigin() {
        AlertTracker tracker = new AlertTracker(AlertPolicy.DEFAULT);
        Instant t1 = T0.plus(INTERVAL);
        tracker.record("carried", Map.of(), ProbeBuilder.verdict("carried", Cause.CONNECTION_RESET, T0), false, T0);
        tracker.record("carried", Map.of(), ProbeBuilder.verdict("carried", Cause.CONNECTION_RESET, t1), false, t1);
        tracker.record(
                "suppressed", Map.of(), ProbeBuilder.verdict("suppressed", Cause.CONNECTION_RESET, T0), true, T0);
        tracker.record(
                "suppressed", Map.of(), ProbeBuilder.verdict("suppressed", Cause.CONNECTION_RESET, t1), true, t1);
        assertThat(tracker.firing("carried")).isTrue();
        assertThat(tracker.firing("suppressed")).isFalse();
        assertThat(tracker.firing("unknown")).isFalse();
        assertThat(tracker.suppressing("carried", true)).isFalse();
        assertThat(tracker.suppressing("suppressed", true)).isTrue();
        assertThat(tracker.suppressing("suppressed", false)).isFalse();
        assertThat(tracker.suppressing("unknown", true)).isTrue();
    }

    @Test
    void aCarriedAlertIsAmongTheActiveOnesForResends() {
        AlertTracker tracker = new AlertTracker(AlertPolicy.DEFAULT);
        Instant t1 = T0.plus(INTERVAL);
        Instant t2 = t1.plus(INTERVAL);
        tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", Cause.CONNECTION_RESET, T0), false, T0);
        tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", Cause.CONNECTION_RESET, t1), false, t1);
        tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", Cause.CONNECTION_RESET, t2), true, t2);
        List<ActiveAlert> resent = new ArrayList<>();
        tracker.forEachActive(resent::add);
        assertThat(resent).singleElement().satisfies(a -> {
            assertThat(a.startsAt()).isEqualTo(T0);
            assertThat(a.probedAt()).isEqualTo(t2);
        });
    }

    private static String describe(Optional<Notification> n) {
        if (n.isEmpty()) {
            return "-";
        }
        Notification x = n.get();
        String cause = x.alert().cause().label();
        if (x.state() == Notification.State.RESOLVED) {
            return "R:" + cause;
        }
        return x.superseded().isEmpty()
                ? "F:" + cause
                : "U:" + cause + "<"
                        + String.join(
                                ",",
                                x.superseded().stream()
                                        .map(a -> a.cause().label())
                                        .toList());
    }
}
