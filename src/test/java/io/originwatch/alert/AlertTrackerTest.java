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

class AlertTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T20:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    /**
     * A sequence of probe causes for origin "shop" and what each sends: "-" nothing, "F:cause" fire,
     * "U:cause<old" update after a cause change, "R:cause" resolve.
     */
    record Case(String name, Thresholds thresholds, List<String> probes, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Thresholds d = Thresholds.DEFAULT;
        return Stream.of(
                new Case("one bad probe sends nothing", d, List.of("connection_reset"), List.of("-")),
                new Case(
                        "two bad probes fire at the default threshold",
                        d,
                        List.of("connection_reset", "connection_reset"),
                        List.of("-", "F:connection_reset")),
                new Case(
                        "a third bad probe with the same cause sends nothing more",
                        d,
                        List.of("connection_reset", "connection_reset", "connection_reset"),
                        List.of("-", "F:connection_reset", "-")),
                new Case(
                        "flapping below the thresholds sends nothing",
                        d,
                        List.of("connection_reset", "ok", "empty_response", "ok", "connect_timeout", "ok"),
                        List.of("-", "-", "-", "-", "-", "-")),
                new Case(
                        "different bad causes in a row count together and fire with the latest",
                        d,
                        List.of("connection_reset", "empty_response"),
                        List.of("-", "F:empty_response")),
                new Case(
                        "a cause change while firing updates the alert",
                        d,
                        List.of("connection_reset", "connection_reset", "empty_response", "empty_response"),
                        List.of("-", "F:connection_reset", "U:empty_response<connection_reset", "-")),
                new Case(
                        "one good probe while firing does not resolve",
                        d,
                        List.of("connection_reset", "connection_reset", "ok", "connection_reset", "ok"),
                        List.of("-", "F:connection_reset", "-", "-", "-")),
                new Case(
                        "two good probes resolve",
                        d,
                        List.of("connection_reset", "connection_reset", "ok", "ok", "ok"),
                        List.of("-", "F:connection_reset", "-", "R:connection_reset", "-")),
                new Case(
                        "threshold 1 fires and resolves on the first result",
                        new Thresholds(1, 1),
                        List.of("tls_certificate_invalid", "ok"),
                        List.of("F:tls_certificate_invalid", "R:tls_certificate_invalid")),
                new Case(
                        "threshold 3 needs three bad probes",
                        new Thresholds(3, 2),
                        List.of(
                                "connect_timeout",
                                "connect_timeout",
                                "ok",
                                "connect_timeout",
                                "connect_timeout",
                                "connect_timeout"),
                        List.of("-", "-", "-", "-", "-", "F:connect_timeout")),
                new Case(
                        "success threshold 3 needs three good probes",
                        new Thresholds(2, 3),
                        List.of("empty_response", "empty_response", "ok", "ok", "ok"),
                        List.of("-", "F:empty_response", "-", "-", "R:empty_response")),
                new Case(
                        "good results before any failure send nothing",
                        d,
                        List.of("ok", "ok", "ok"),
                        List.of("-", "-", "-")),
                new Case(
                        "a probe error counts neither as failure nor as success",
                        d,
                        List.of(
                                "connection_reset",
                                "probe_error",
                                "connection_reset",
                                "probe_error",
                                "ok",
                                "probe_error",
                                "ok"),
                        List.of("-", "-", "F:connection_reset", "-", "-", "-", "R:connection_reset")),
                new Case(
                        "it fires again after resolving",
                        d,
                        List.of("response_timeout", "response_timeout", "ok", "ok", "unreachable", "unreachable"),
                        List.of("-", "F:response_timeout", "-", "R:response_timeout", "-", "F:unreachable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thresholdsAndFlapping(Case c) {
        AlertTracker tracker = new AlertTracker(new AlertPolicy(c.thresholds(), Map.of(), Map.of()));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < c.probes().size(); i++) {
            Instant at = T0.plus(INTERVAL.multipliedBy(i));
            Cause cause = Cause.valueOf(c.probes().get(i).toUpperCase());
            sent.add(describe(tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", cause, at), at)));
        }
        assertThat(sent).isEqualTo(c.expected());
        boolean firing = c.expected().stream()
                .filter(s -> !s.equals("-"))
                .reduce((a, b) -> b)
                .map(s -> !s.startsWith("R:"))
                .orElse(false);
        assertThat(tracker.active()).hasSize(firing ? 1 : 0);
    }

    @Test
    void perOriginOverrideAppliesToThatOriginOnly() {
        AlertTracker tracker = new AlertTracker(
                new AlertPolicy(Thresholds.DEFAULT, Map.of("fragile", new Thresholds(1, 1)), Map.of()));
        assertThat(tracker.record("fragile", Map.of(), ProbeBuilder.verdict("fragile", Cause.EMPTY_RESPONSE, T0), T0))
                .isPresent();
        assertThat(tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", Cause.EMPTY_RESPONSE, T0), T0))
                .isEmpty();
    }

    @Test
    void severityComesFromThePolicyPerCause() {
        AlertTracker tracker = new AlertTracker(
                new AlertPolicy(new Thresholds(1, 1), Map.of(), Map.of(Cause.HEADERS_TOO_LARGE, "page")));
        assertThat(tracker.record("a", Map.of(), ProbeBuilder.verdict("a", Cause.HEADERS_TOO_LARGE, T0), T0))
                .map(n -> n.alert().severity())
                .contains("page");
        assertThat(tracker.record("b", Map.of(), ProbeBuilder.verdict("b", Cause.CONNECTION_RESET, T0), T0))
                .map(n -> n.alert().severity())
                .contains("critical");
        assertThat(tracker.record("c", Map.of(), ProbeBuilder.verdict("c", Cause.UNEXPECTED_STATUS, T0), T0))
                .map(n -> n.alert().severity())
                .contains("warning");
    }

    @Test
    void alertStartsAtTheFirstBadProbeAndKeepsItAcrossACauseChange() {
        AlertTracker tracker = new AlertTracker(AlertPolicy.DEFAULT);
        Instant t1 = T0.plus(INTERVAL);
        Instant t2 = t1.plus(INTERVAL);
        tracker.record("shop", Map.of("team", "web"), ProbeBuilder.verdict("shop", Cause.CONNECTION_RESET, T0), T0);
        Notification fired = tracker.record(
                        "shop", Map.of("team", "web"), ProbeBuilder.verdict("shop", Cause.CONNECTION_RESET, t1), t1)
                .orElseThrow();
        Notification updated = tracker.record(
                        "shop", Map.of("team", "web"), ProbeBuilder.verdict("shop", Cause.EMPTY_RESPONSE, t2), t2)
                .orElseThrow();
        assertThat(fired.alert().startsAt()).isEqualTo(T0);
        assertThat(fired.alert().originLabels()).containsEntry("team", "web");
        assertThat(updated.alert().startsAt()).isEqualTo(T0);
        assertThat(updated.alert().probedAt()).isEqualTo(t2);
        assertThat(updated.superseded()).extracting(ActiveAlert::cause).containsExactly(Cause.CONNECTION_RESET);
        assertThat(tracker.active())
                .singleElement()
                .extracting(ActiveAlert::cause)
                .isEqualTo(Cause.EMPTY_RESPONSE);
    }

    @Test
    void removingAFiringOriginResolvesItAndForgetsItsCounters() {
        List<Notification> published = new ArrayList<>();
        AlertTracker tracker = new AlertTracker(AlertPolicy.DEFAULT, published::add);
        tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", Cause.CONNECT_TIMEOUT, T0), T0);
        tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", Cause.CONNECT_TIMEOUT, T0), T0);
        Optional<Notification> removed = tracker.remove("shop", T0.plusSeconds(60));
        assertThat(removed).map(Notification::state).contains(Notification.State.RESOLVED);
        assertThat(published)
                .extracting(Notification::state)
                .containsExactly(Notification.State.FIRING, Notification.State.RESOLVED);
        assertThat(tracker.active()).isEmpty();
        assertThat(tracker.remove("shop", T0)).isEmpty();
        assertThat(tracker.record("shop", Map.of(), ProbeBuilder.verdict("shop", Cause.CONNECT_TIMEOUT, T0), T0))
                .isEmpty();
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
