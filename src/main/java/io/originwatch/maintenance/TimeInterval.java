package io.originwatch.maintenance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

/**
 * One Alertmanager {@code <time_interval_spec>} and its predicate on instants, with Alertmanager's
 * semantics (its {@code timeinterval.ContainsTime}):
 * <ol>
 * <li>the instant is read as a wall clock in {@code location} (UTC when unset), so on a DST day a
 * range covers what the wall clock shows: {@code 02:00-04:00} is one hour long on the spring-forward
 * day and three on the fall-back day, and {@code 02:00-03:00} does not happen on the spring-forward
 * day at all;</li>
 * <li>a field that is not given matches anything; a given field matches when any of its ranges
 * does; the interval matches when every given field matches;</li>
 * <li>times are minutes of the day, start included, end excluded;</li>
 * <li>a negative day of the month counts from the month's end (-1 = last day); a range is cut at
 * the month's end, and a range that starts after it (31 in April) does not match.</li>
 * </ol>
 * A {@code null} list means "not given". The empty interval (every field absent) matches always.
 */
public record TimeInterval(
        List<TimeRange> times,
        List<InclusiveRange> weekdays,
        List<InclusiveRange> daysOfMonth,
        List<InclusiveRange> months,
        List<InclusiveRange> years,
        ZoneId location) {

    public static final TimeInterval ALWAYS = new TimeInterval(null, null, null, null, null, null);

    public TimeInterval {
        times = copy(times);
        weekdays = copy(weekdays);
        daysOfMonth = copy(daysOfMonth);
        months = copy(months);
        years = copy(years);
        location = location == null ? ZoneOffset.UTC : location;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /**
     * An IANA zone name as Go's {@code time.LoadLocation} takes it: a name from the tz database,
     * {@code UTC}, or {@code Local} (this host's zone). Offsets such as {@code +02:00} are not
     * locations. Throws {@link IllegalArgumentException} for anything else.
     */
    public static ZoneId location(String name) {
        String n = name == null ? "" : name.strip();
        if (n.equals("Local")) {
            return ZoneId.systemDefault();
        }
        if (n.equals("UTC") || ZoneId.getAvailableZoneIds().contains(n)) {
            return ZoneId.of(n);
        }
        throw new IllegalArgumentException("unknown time zone '" + name + "' (an IANA name such as Europe/Berlin)");
    }

    public boolean contains(Instant instant) {
        LocalDateTime wall = LocalDateTime.ofInstant(instant, location);
        return (times == null || times.stream().anyMatch(r -> r.contains(minuteOfDay(wall))))
                && dateMatches(wall.toLocalDate());
    }

    /** The date fields (days of the month, months, weekdays, years) on one wall-clock date. */
    boolean dateMatches(LocalDate date) {
        return (daysOfMonth == null || daysOfMonth.stream().anyMatch(r -> dayMatches(r, date)))
                && (months == null || months.stream().anyMatch(r -> r.contains(date.getMonthValue())))
                && (weekdays == null || weekdays.stream().anyMatch(r -> r.contains(weekday(date.getDayOfWeek()))))
                && (years == null || years.stream().anyMatch(r -> r.contains(date.getYear())));
    }

    private static boolean dayMatches(InclusiveRange r, LocalDate date) {
        int days = date.lengthOfMonth();
        int begin = r.begin() < 0 ? days + r.begin() + 1 : r.begin();
        int end = r.end() < 0 ? days + r.end() + 1 : r.end();
        if (begin > days) {
            return false;
        }
        int day = date.getDayOfMonth();
        return day >= begin && day <= Math.min(end, days);
    }

    /** Sunday is 0, as in Go's {@code time.Weekday}. */
    private static int weekday(DayOfWeek d) {
        return d.getValue() % 7;
    }

    private static int minuteOfDay(LocalDateTime wall) {
        return wall.getHour() * 60 + wall.getMinute();
    }

    /**
     * The earliest instant after {@code after} at which {@link #contains} may change: the next
     * wall-clock minute that starts or ends a time range, the next midnight (the date fields change),
     * or the zone's next offset change, whichever comes first. Membership is constant in between,
     * because between two offset changes the wall clock runs with the instant.
     */
    Instant nextCandidate(Instant after) {
        ZonedDateTime zoned = after.atZone(location);
        LocalDateTime wall = zoned.toLocalDateTime();
        int minute = minuteOfDay(wall);
        int next = TimeRange.MINUTES_PER_DAY;
        if (times != null && dateMatches(wall.toLocalDate())) {
            for (TimeRange r : times) {
                next = r.startMinute() > minute ? Math.min(next, r.startMinute()) : next;
                next = r.endMinute() > minute ? Math.min(next, r.endMinute()) : next;
            }
        }
        Instant candidate = wall.toLocalDate().atStartOfDay().plusMinutes(next).toInstant(zoned.getOffset());
        ZoneOffsetTransition transition = location.getRules().nextTransition(after);
        if (transition != null && transition.getInstant().isBefore(candidate)) {
            return transition.getInstant();
        }
        return candidate;
    }
}
