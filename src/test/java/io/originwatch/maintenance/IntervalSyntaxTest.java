package io.originwatch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a list element of a time interval may say, and the exact message when it says something else. */
class IntervalSyntaxTest {

    record Bad(String name, Supplier<Object> parse, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad(
                        "unknown weekday",
                        () -> DayField.WEEKDAYS.parse("funday"),
                        "'funday' in 'funday' is not a weekday (sunday..saturday)"),
                new Bad(
                        "weekday by number",
                        () -> DayField.WEEKDAYS.parse("1"),
                        "'1' in '1' is not a weekday (sunday..saturday)"),
                new Bad(
                        "three parts",
                        () -> DayField.WEEKDAYS.parse("monday:tuesday:friday"),
                        "'monday:tuesday:friday' is not a weekday (sunday..saturday) or a range start:end"),
                new Bad(
                        "day zero",
                        () -> DayField.DAYS_OF_MONTH.parse("0"),
                        "'0': 0 is not a day of the month (1..31, or -1..-31 from the end)"),
                new Bad(
                        "day 32",
                        () -> DayField.DAYS_OF_MONTH.parse("1:32"),
                        "'1:32': 32 is not a day of the month (1..31, or -1..-31 from the end)"),
                new Bad(
                        "negative start, positive end",
                        () -> DayField.DAYS_OF_MONTH.parse("-3:5"),
                        "'-3:5': end day must be negative if start day is negative"),
                new Bad(
                        "end before start",
                        () -> DayField.DAYS_OF_MONTH.parse("5:1"),
                        "'5:1': end day is always before start day"),
                new Bad(
                        "negative end before negative start",
                        () -> DayField.DAYS_OF_MONTH.parse("-1:-3"),
                        "'-1:-3': end day is always before start day"),
                new Bad(
                        "not a day",
                        () -> DayField.DAYS_OF_MONTH.parse("first"),
                        "'first' in 'first' is not a day of the month"),
                new Bad("month 13", () -> DayField.MONTHS.parse("13"), "'13': months are 1..12 or january..december"),
                new Bad(
                        "month range backwards",
                        () -> DayField.MONTHS.parse("march:january"),
                        "'march:january': end month is before start month"),
                new Bad("month typo", () -> DayField.MONTHS.parse("janury"), "'janury' in 'janury' is not a month"),
                new Bad(
                        "year range backwards",
                        () -> DayField.YEARS.parse("2022:2020"),
                        "'2022:2020': end year is before start year"),
                new Bad("year zero", () -> DayField.YEARS.parse("0"), "'0': years must be positive"),
                new Bad(
                        "hour 25",
                        () -> TimeRange.parse("25:00", "26:00"),
                        "start_time must be HH:MM (00:00 to 24:00), got '25:00'"),
                new Bad(
                        "one-digit hour",
                        () -> TimeRange.parse("9:00", "17:00"),
                        "start_time must be HH:MM (00:00 to 24:00), got '9:00'"),
                new Bad(
                        "24:30",
                        () -> TimeRange.parse("23:00", "24:30"),
                        "end_time must be HH:MM (00:00 to 24:00), got '24:30'"),
                new Bad(
                        "across midnight in one range",
                        () -> TimeRange.parse("23:00", "01:00"),
                        "start_time must be before end_time (a range across midnight is two ranges: ...-24:00 and"
                                + " 00:00-...)"),
                new Bad(
                        "empty range",
                        () -> TimeRange.parse("10:00", "10:00"),
                        "start_time must be before end_time (a range across midnight is two ranges: ...-24:00 and"
                                + " 00:00-...)"),
                new Bad(
                        "missing end",
                        () -> TimeRange.parse("10:00", null),
                        "both start_time and end_time must be given"),
                new Bad(
                        "unknown zone",
                        () -> TimeInterval.location("Mars/Olympus_Mons"),
                        "unknown time zone 'Mars/Olympus_Mons' (an IANA name such as Europe/Berlin)"),
                new Bad(
                        "an offset is not a location",
                        () -> TimeInterval.location("+02:00"),
                        "unknown time zone '+02:00' (an IANA name such as Europe/Berlin)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void rejected(Bad b) {
        assertThatThrownBy(b.parse()::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(b.message());
    }

    @Test
    void acceptedForms() {
        assertThat(DayField.WEEKDAYS.parse("Monday:FRIDAY")).isEqualTo(new InclusiveRange(1, 5));
        assertThat(DayField.WEEKDAYS.parse("sunday")).isEqualTo(new InclusiveRange(0, 0));
        assertThat(DayField.DAYS_OF_MONTH.parse("-3:-1")).isEqualTo(new InclusiveRange(-3, -1));
        assertThat(DayField.DAYS_OF_MONTH.parse("1:-1")).isEqualTo(new InclusiveRange(1, -1));
        assertThat(DayField.MONTHS.parse("may:8")).isEqualTo(new InclusiveRange(5, 8));
        assertThat(DayField.YEARS.parse("2030")).isEqualTo(new InclusiveRange(2030, 2030));
        assertThat(TimeRange.parse("00:00", "24:00")).isEqualTo(new TimeRange(0, 1440));
        assertThat(TimeRange.parse("17:30", "23:59")).hasToString("17:30-23:59");
        assertThat(TimeInterval.location("UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThat(TimeInterval.location("Local")).isEqualTo(ZoneId.systemDefault());
        assertThat(TimeInterval.location("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
