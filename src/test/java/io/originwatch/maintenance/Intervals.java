package io.originwatch.maintenance;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link TimeInterval} from the strings a config would hold, as Alertmanager writes them. */
final class Intervals {

    private List<TimeRange> times;
    private List<InclusiveRange> weekdays;
    private List<InclusiveRange> days;
    private List<InclusiveRange> months;
    private List<InclusiveRange> years;
    private String location;

    static Intervals interval() {
        return new Intervals();
    }

    /** Pairs of start_time, end_time. */
    Intervals times(String... startEnd) {
        times = new ArrayList<>();
        for (int i = 0; i < startEnd.length; i += 2) {
            times.add(TimeRange.parse(startEnd[i], startEnd[i + 1]));
        }
        return this;
    }

    Intervals weekdays(String... v) {
        weekdays = parse(DayField.WEEKDAYS, v);
        return this;
    }

    Intervals days(String... v) {
        days = parse(DayField.DAYS_OF_MONTH, v);
        return this;
    }

    Intervals months(String... v) {
        months = parse(DayField.MONTHS, v);
        return this;
    }

    Intervals years(String... v) {
        years = parse(DayField.YEARS, v);
        return this;
    }

    Intervals location(String zone) {
        location = zone;
        return this;
    }

    TimeInterval build() {
        return new TimeInterval(
                times, weekdays, days, months, years, location == null ? null : TimeInterval.location(location));
    }

    private static List<InclusiveRange> parse(DayField f, String... v) {
        return java.util.Arrays.stream(v).map(f::parse).toList();
    }

    @Override
    public String toString() {
        return "interval";
    }
}
