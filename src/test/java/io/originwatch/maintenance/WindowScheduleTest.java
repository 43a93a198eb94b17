package io.originwatch.maintenance;

import static io.originwatch.maintenance.Intervals.interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.maintenance.WindowSchedule.Occurrence;
import io.originwatch.maintenance.WindowSchedule.OneOff;
import io.originwatch.maintenance.WindowSchedule.Recurring;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When windows open and close: the instants the API shows as {@code until} and as next occurrences. */
class WindowScheduleTest {

    private static Instant at(String s) {
        return Instant.parse(s);
    }

    private static Recurring recurring(Intervals... intervals) {
        return new Recurring(
                java.util.Arrays.stream(intervals).map(Intervals::build).toList());
    }

    @Test
    void oneOffBoundsAreExactToTheMillisecond() {
        OneOff w = new OneOff(
                OffsetDateTime.parse("2026-12-01T11:00:00+01:00").toInstant(),
                OffsetDateTime.parse("2026-12-01T10:30:00Z").toInstant());
        assertThat(w.contains(at("2026-12-01T09:59:59.999Z"))).isFalse();
        assertThat(w.contains(at("2026-12-01T10:00:00.000Z"))).isTrue();
        assertThat(w.contains(at("2026-12-01T10:29:59.999Z"))).isTrue();
        assertThat(w.contains(at("2026-12-01T10:30:00.000Z"))).isFalse();
        assertThat(w.nextChange(at("2026-12-01T09:00:00Z"))).contains(at("2026-12-01T10:00:00Z"));
        assertThat(w.nextChange(at("2026-12-01T10:00:00Z"))).contains(at("2026-12-01T10:30:00Z"));
        assertThat(w.nextChange(at("2026-12-01T10:30:00Z"))).isEmpty();
    }

    @Test
    void aOneOffWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> new OneOff(at("2026-12-01T10:00:00Z"), at("2026-12-01T10:00:00Z")))
                .hasMessage("start must be before end");
    }

    @Test
    void springForwardNightIsOneHourLong() {
        Recurring w = recurring(interval().times("02:00", "04:00").location("Europe/Berlin"));
        Instant opens = w.nextChange(at("2026-03-28T23:00:00Z")).orElseThrow();
        Instant closes = w.nextChange(opens).orElseThrow();
        assertThat(opens).isEqualTo(at("2026-03-29T01:00:00Z")); // the clock jumps to 03:00 CEST
        assertThat(closes).isEqualTo(at("2026-03-29T02:00:00Z")); // 04:00 CEST
        assertThat(Duration.between(opens, closes)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fallBackNightIsThreeHoursLong() {
        Recurring w = recurring(interval().times("02:00", "04:00").location("Europe/Berlin"));
        Instant opens = w.nextChange(at("2026-10-24T22:00:00Z")).orElseThrow();
        Instant closes = w.nextChange(opens).orElseThrow();
        assertThat(opens).isEqualTo(at("2026-10-25T00:00:00Z")); // 02:00 CEST
        assertThat(closes).isEqualTo(at("2026-10-25T03:00:00Z")); // 04:00 CET, after 02:00-03:00 twice
        assertThat(Duration.between(opens, closes)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theSkippedHourDoesNotHappenOnTheSpringForwardDay() {
        Recurring w = recurring(interval().times("02:00", "03:00").location("Europe/Berlin"));
        assertThat(w.upcoming(at("2026-03-28T12:00:00Z"), 2))
                .containsExactly(
                        new Occurrence(at("2026-03-30T00:00:00Z"), at("2026-03-30T01:00:00Z")),
                        new Occurrence(at("2026-03-31T00:00:00Z"), at("2026-03-31T01:00:00Z")));
    }

    @Test
    void aWindowAcrossMidnightIsOneOpening() {
        Recurring w = recurring(
                interval().weekdays("friday").times("22:00", "24:00"),
                interval().weekdays("saturday").times("00:00", "02:00"));
        assertThat(w.upcoming(at("2026-12-01T00:00:00Z"), 2))
                .containsExactly(
                        new Occurrence(at("2026-12-04T22:00:00Z"), at("2026-12-05T02:00:00Z")),
                        new Occurrence(at("2026-12-11T22:00:00Z"), at("2026-12-12T02:00:00Z")));
    }

    @Test
    void theIssuesWeeklyPatchWindow() {
        Recurring w =
                recurring(interval().weekdays("tuesday").times("02:00", "04:00").location("Europe/Berlin"));
        // 2026-12-01 is a Tuesday; Berlin is UTC+1 in December
        assertThat(w.contains(at("2026-12-01T01:00:00Z"))).isTrue();
        assertThat(w.nextChange(at("2026-12-01T01:00:00Z"))).contains(at("2026-12-01T03:00:00Z"));
        assertThat(w.upcoming(at("2026-12-01T01:00:00Z"), 1))
                .containsExactly(new Occurrence(at("2026-12-08T01:00:00Z"), at("2026-12-08T03:00:00Z")));
    }

    @Test
    void anAlwaysOpenWindowHasNoEndWithinTheLookAhead() {
        Recurring w = recurring(interval().weekdays("monday:sunday"));
        assertThat(w.contains(at("2026-12-01T00:00:00Z"))).isTrue();
        assertThat(w.nextChange(at("2026-12-01T00:00:00Z"))).isEmpty();
        assertThat(w.upcoming(at("2026-12-01T00:00:00Z"), 3)).isEmpty();
    }

    @Test
    void aYearlyWindowIsFoundMonthsAhead() {
        Recurring w = recurring(interval().months("december").days("-1"));
        assertThat(w.upcoming(at("2026-01-05T00:00:00Z"), 1))
                .containsExactly(new Occurrence(at("2026-12-31T00:00:00Z"), at("2027-01-01T00:00:00Z")));
    }

    @Test
    void aWindowInAPastYearNeverOpensAgain() {
        Recurring w = recurring(interval().years("2020:2022"));
        assertThat(w.nextChange(at("2026-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void overlappingIntervalsAreOneOpening() {
        Recurring w = recurring(interval().times("10:00", "12:00"), interval().times("11:00", "13:00"));
        assertThat(w.upcoming(at("2026-12-01T00:00:00Z"), 1))
                .isEqualTo(List.of(new Occurrence(at("2026-12-01T10:00:00Z"), at("2026-12-01T13:00:00Z"))));
    }
}
