package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.app.VantageReport.Outcome;
import io.originwatch.app.VantageVerdict.State;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The quorum rule of {@link VantageReport}, as docs/cluster.md states it. */
class VantageReportTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1 of 3 down, N=2: up", "down up up", 2, Outcome.UP),
                Arguments.of("2 of 3 down, N=2: down", "down down up", 2, Outcome.DOWN),
                Arguments.of("3 of 3 down, N=2: down", "down down down", 2, Outcome.DOWN),
                Arguments.of("1 down, 1 unknown, N=2: undecided", "down unknown up", 2, Outcome.UNKNOWN),
                Arguments.of("1 down, 2 unknown, N=2: undecided", "down unknown unknown", 2, Outcome.UNKNOWN),
                Arguments.of("0 down, 1 unknown, N=2: up", "up unknown up", 2, Outcome.UP),
                Arguments.of("unknown never counts as down", "unknown unknown unknown", 2, Outcome.UNKNOWN),
                Arguments.of("pending counts as undecided", "down pending up", 2, Outcome.UNKNOWN),
                Arguments.of("N=1: one down is down", "down up up", 1, Outcome.DOWN),
                Arguments.of("N=3: two down is undecided with one unknown", "down down unknown", 3, Outcome.UNKNOWN),
                Arguments.of("N=3: two down, one up is up", "down down up", 3, Outcome.UP),
                Arguments.of("alone, N=1: its own verdict", "down", 1, Outcome.DOWN),
                Arguments.of("alone, up", "up", 1, Outcome.UP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outcome(String name, String states, int required, Outcome expected) {
        List<VantageVerdict> verdicts = new ArrayList<>();
        String[] each = states.split(" ");
        for (int i = 0; i < each.length; i++) {
            State s = State.valueOf(each[i].toUpperCase(java.util.Locale.ROOT));
            verdicts.add(new VantageVerdict("v" + i, i == 0, s, null, null, null));
        }
        VantageReport report = new VantageReport("shop", verdicts, required);
        assertThat(report.outcome()).isEqualTo(expected);
        assertThat(report.count(State.DOWN)
                        + report.count(State.UP)
                        + report.count(State.PENDING)
                        + report.count(State.UNKNOWN))
                .isEqualTo(each.length);
    }
}
