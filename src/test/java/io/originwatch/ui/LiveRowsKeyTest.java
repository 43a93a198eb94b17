package io.originwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.testing.ProbeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The live rows' change test after each probe: {@code matches} answers as comparing built keys does. */
class LiveRowsKeyTest {

    private static final int[] STATUSES = {0, 5, 9, 10, 99, 100, 200, 520, 521, 526, 1000, 65535, -1};

    @Test
    void matchesAgreesWithComparingKeysForEveryPairOfVerdicts() {
        List<Verdict> verdicts = verdicts();
        int same = 0;
        for (Verdict a : verdicts) {
            String key = LiveRows.key(a);
            assertThat(LiveRows.matches(key, a)).as("%s against itself", key).isTrue();
            for (Verdict b : verdicts) {
                boolean expected = key.equals(LiveRows.key(b));
                assertThat(LiveRows.matches(key, b))
                        .as("%s against %s", key, LiveRows.key(b))
                        .isEqualTo(expected);
                same += expected ? 1 : 0;
            }
        }
        assertThat(same).as("pairs with equal keys beyond the diagonal").isGreaterThan(verdicts.size());
    }

    @Test
    void noKeyYetOrAKeyCutShortOrExtendedNeverMatches() {
        Verdict v = ProbeBuilder.ok().verdict(Cause.OK, 200, 200, "ok", Warning.SLOW_RESPONSE);
        String key = LiveRows.key(v);
        assertThat(LiveRows.matches(null, v)).isFalse();
        for (int cut = 0; cut < key.length(); cut++) {
            assertThat(LiveRows.matches(key.substring(0, cut), v))
                    .as(key.substring(0, cut))
                    .isFalse();
        }
        assertThat(LiveRows.matches(key + ",", v)).isFalse();
        assertThat(LiveRows.matches(key + "x", v)).isFalse();
        assertThat(LiveRows.matches(key.replace("|200|", "|2000|"), v)).isFalse();
    }

    private static List<Verdict> verdicts() {
        Random random = new Random(20);
        Warning[] all = Warning.values();
        Cause[] causes = {Cause.OK, Cause.CONNECTION_REFUSED, Cause.UNEXPECTED_STATUS, Cause.CONNECTION_RESET};
        List<Verdict> out = new ArrayList<>();
        for (Cause cause : causes) {
            for (int status : STATUSES) {
                out.add(ProbeBuilder.ok().verdict(cause, status, 200, "d"));
                for (int i = 0; i < 3; i++) {
                    List<Warning> w = new ArrayList<>();
                    for (Warning x : all) {
                        if (random.nextInt(3) == 0) {
                            w.add(x);
                        }
                    }
                    out.add(ProbeBuilder.ok().verdict(cause, status, 200, "d", w.toArray(Warning[]::new)));
                }
            }
        }
        return out;
    }
}
