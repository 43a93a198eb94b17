package io.originwatch.maintenance;

import static io.originwatch.maintenance.Intervals.interval;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Alertmanager's {@code <time_interval_spec>} predicate on instants: the documented examples, the two
 * DST days of Europe/Berlin in 2026, and the exact bounds (start inclusive, end exclusive).
 */
class TimeIntervalTest {

    record Case(String name, Intervals interval, String instant, boolean expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case in(String name, Intervals i, String instant) {
        return new Case(name + " contains " + instant, i, instant, true);
    }

    static Case out(String name, Intervals i, String instant) {
        return new Case(name + " excludes " + instant, i, instant, false);
    }

    static Stream<Case> cases() {
        Intervals evening = interval().times("17:00", "24:00");
        Intervals weekdays = interval().weekdays("monday:wednesday", "saturday", "sunday");
        Intervals days = interval().days("1:5", "-3:-1");
        Intervals wholeMonth = interval().days("1:31");
        Intervals the31st = interval().days("31");
        Intervals lastDay = interval().days("-1");
        Intervals months = interval().months("1:3", "may:august", "december");
        Intervals numericMonths = interval().months("2:3");
        Intervals years = interval().years("2020:2022", "2030");
        Intervals sydney =
                interval().weekdays("monday:friday").times("09:00", "17:00").location("Australia/Sydney");
        Intervals berlinNight = interval().times("02:00", "04:00").location("Europe/Berlin");
        Intervals skippedHour = interval().times("02:00", "03:00").location("Europe/Berlin");
        Intervals acrossMidnight = interval().times("22:00", "24:00", "00:00", "02:00");
        Intervals always = interval();
        Intervals everyDay = interval().weekdays("sunday:saturday");
        Intervals mondayToSunday = interval().weekdays("monday:sunday");
        Intervals longWeekend = interval().weekdays("friday:monday");
        Intervals mixedCase = interval().weekdays("Tuesday").months("DECEMBER");
        return Stream.of(
                // times: minutes of the day, start included, end excluded; 24:00 is the day's end
                out("17:00-24:00", evening, "2026-12-01T16:59:59.999Z"),
                in("17:00-24:00", evening, "2026-12-01T17:00:00Z"),
                in("17:00-24:00", evening, "2026-12-01T23:59:59.999Z"),
                out("17:00-24:00", evening, "2026-12-02T00:00:00Z"),
                // weekdays: ranges and single days; 2026-12-01 is a Tuesday
                in("monday:wednesday,saturday,sunday", weekdays, "2026-12-01T12:00:00Z"),
                out("monday:wednesday,saturday,sunday", weekdays, "2026-12-03T12:00:00Z"),
                out("monday:wednesday,saturday,sunday", weekdays, "2026-12-04T23:59:59.999Z"),
                in("monday:wednesday,saturday,sunday", weekdays, "2026-12-05T00:00:00Z"),
                in("monday:wednesday,saturday,sunday", weekdays, "2026-12-06T23:59:59Z"),
                in("sunday:saturday (every day)", everyDay, "2026-12-03T08:00:00Z"),
                // a range that wraps past saturday (Alertmanager rejects it; see DayField)
                in("monday:sunday", mondayToSunday, "2026-12-06T08:00:00Z"),
                in("monday:sunday", mondayToSunday, "2026-12-02T08:00:00Z"),
                in("friday:monday", longWeekend, "2026-12-06T08:00:00Z"),
                in("friday:monday", longWeekend, "2026-12-07T23:59:59Z"),
                out("friday:monday", longWeekend, "2026-12-08T00:00:00Z"),
                out("friday:monday", longWeekend, "2026-12-03T23:59:59Z"),
                // days of the month, negative from the month's end
                in("1:5,-3:-1", days, "2026-12-05T10:00:00Z"),
                out("1:5,-3:-1", days, "2026-12-06T10:00:00Z"),
                out("1:5,-3:-1", days, "2026-12-28T10:00:00Z"),
                in("1:5,-3:-1", days, "2026-12-29T00:00:00Z"),
                out("1:5,-3:-1 in February", days, "2026-02-25T10:00:00Z"),
                in("1:5,-3:-1 in February", days, "2026-02-26T10:00:00Z"),
                in("1:31 is cut at February's end", wholeMonth, "2026-02-28T10:00:00Z"),
                out("31 does not exist in April", the31st, "2026-04-30T10:00:00Z"),
                in("31 in May", the31st, "2026-05-31T10:00:00Z"),
                in("-1 in a leap February", lastDay, "2028-02-29T10:00:00Z"),
                out("-1 in a leap February", lastDay, "2028-02-28T10:00:00Z"),
                // months by name and number
                in("1:3,may:august,december", months, "2026-01-15T00:00:00Z"),
                out("1:3,may:august,december", months, "2026-04-15T00:00:00Z"),
                in("1:3,may:august,december", months, "2026-06-15T00:00:00Z"),
                out("1:3,may:august,december", months, "2026-11-30T23:59:59.999Z"),
                in("1:3,may:august,december", months, "2026-12-01T00:00:00Z"),
                in("2:3", numericMonths, "2026-03-31T23:59:59Z"),
                // years
                in("2020:2022,2030", years, "2021-07-01T00:00:00Z"),
                out("2020:2022,2030", years, "2026-07-01T00:00:00Z"),
                in("2020:2022,2030", years, "2030-01-01T00:00:00Z"),
                // location: the wall clock and the weekday are Sydney's (UTC+11 in December)
                in("weekdays 09:00-17:00 Sydney", sydney, "2026-11-29T22:30:00Z"), // Sunday UTC, Monday 09:30 there
                out("weekdays 09:00-17:00 Sydney", sydney, "2026-12-04T22:30:00Z"), // Friday UTC, Saturday there
                out("weekdays 09:00-17:00 Sydney", sydney, "2026-12-01T21:59:59.999Z"),
                in("weekdays 09:00-17:00 Sydney", sydney, "2026-12-01T22:00:00Z"),
                in("weekdays 09:00-17:00 Sydney", sydney, "2026-12-04T05:59:59.999Z"),
                out("weekdays 09:00-17:00 Sydney", sydney, "2026-12-04T06:00:00Z"),
                // Berlin, spring forward 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00Z)
                out("02:00-04:00 Berlin", berlinNight, "2026-03-29T00:59:59.999Z"), // 01:59:59 CET
                in("02:00-04:00 Berlin", berlinNight, "2026-03-29T01:00:00Z"), // 03:00 CEST
                in("02:00-04:00 Berlin", berlinNight, "2026-03-29T01:59:59.999Z"),
                out("02:00-04:00 Berlin", berlinNight, "2026-03-29T02:00:00Z"), // 04:00 CEST
                out("02:00-03:00 Berlin (the skipped hour)", skippedHour, "2026-03-29T00:59:59.999Z"),
                out("02:00-03:00 Berlin (the skipped hour)", skippedHour, "2026-03-29T01:00:00Z"),
                // Berlin, fall back 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00Z); 02:xx happens twice
                out("02:00-04:00 Berlin", berlinNight, "2026-10-24T23:59:59.999Z"), // 01:59:59 CEST
                in("02:00-04:00 Berlin", berlinNight, "2026-10-25T00:00:00Z"), // 02:00 CEST
                in("02:00-04:00 Berlin", berlinNight, "2026-10-25T01:30:00Z"), // 02:30 CET, the second time
                in("02:00-04:00 Berlin", berlinNight, "2026-10-25T02:59:59.999Z"), // 03:59:59 CET
                out("02:00-04:00 Berlin", berlinNight, "2026-10-25T03:00:00Z"), // 04:00 CET
                // across midnight: two ranges, as in Alertmanager
                out("22:00-24:00,00:00-02:00", acrossMidnight, "2026-12-04T21:59:59.999Z"),
                in("22:00-24:00,00:00-02:00", acrossMidnight, "2026-12-04T23:59:59.999Z"),
                in("22:00-24:00,00:00-02:00", acrossMidnight, "2026-12-05T00:00:00Z"),
                in("22:00-24:00,00:00-02:00", acrossMidnight, "2026-12-05T01:59:59.999Z"),
                out("22:00-24:00,00:00-02:00", acrossMidnight, "2026-12-05T02:00:00Z"),
                // every field absent: always (Alertmanager's {})
                in("the empty interval", always, "1999-12-31T23:59:59Z"),
                in("names ignore case", mixedCase, "2026-12-01T12:00:00Z"),
                out("names ignore case", mixedCase, "2026-12-02T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void containsTime(Case c) {
        assertThat(c.interval().build().contains(Instant.parse(c.instant()))).isEqualTo(c.expected());
    }
}
