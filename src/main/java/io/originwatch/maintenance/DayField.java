package io.originwatch.maintenance;

import java.util.Locale;
import java.util.Map;

/**
 * The four date fields of a {@code <time_interval_spec>} and how each parses one list element
 * ({@code "monday:friday"}, {@code "-3:-1"}, {@code "may:august"}, {@code "2026"}) into an
 * {@link InclusiveRange}, with Alertmanager's validation: weekdays run sunday (0) to saturday (6); days of the month are 1..31 or -1..-31 counted from the month's end; months
 * are names or 1..12; years are positive. Names are case-insensitive.
 *
 * <p>One deliberate difference: Alertmanager rejects a weekday range whose start comes after its end
 * in its sunday-first week ({@code monday:sunday}); here it wraps past saturday, so
 * {@code monday:sunday} is every day and {@code friday:monday} is four days. Every range Alertmanager
 * accepts means the same here.
 */
public enum DayField {
    WEEKDAYS("weekdays"),
    DAYS_OF_MONTH("days_of_month"),
    MONTHS("months"),
    YEARS("years");

    private static final Map<String, Integer> WEEKDAY_NUMBERS =
            Map.of("sunday", 0, "monday", 1, "tuesday", 2, "wednesday", 3, "thursday", 4, "friday", 5, "saturday", 6);
    private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("february", 2),
            Map.entry("march", 3),
            Map.entry("april", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("july", 7),
            Map.entry("august", 8),
            Map.entry("september", 9),
            Map.entry("october", 10),
            Map.entry("november", 11),
            Map.entry("december", 12));

    /** Alertmanager only rejects a negative-day range it can never satisfy in the shortest month. */
    private static final int SHORTEST_MONTH_DAYS = 28;

    private static final int MAX_DAY_OF_MONTH = 31;

    private final String key;

    DayField(String key) {
        this.key = key;
    }

    /** The field's YAML key, as in Alertmanager ({@code days_of_month}). */
    public String key() {
        return key;
    }

    /** One list element as a range; throws {@link IllegalArgumentException} saying what is wrong. */
    public InclusiveRange parse(String text) {
        String in = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String[] parts = in.split(":", -1);
        if (in.isEmpty() || parts.length > 2) {
            throw new IllegalArgumentException("'" + text + "' is not a " + noun() + " or a range start:end");
        }
        int begin = member(parts[0], text);
        int end = parts.length == 2 ? member(parts[1], text) : begin;
        check(begin, end, text);
        return new InclusiveRange(begin, end);
    }

    private int member(String part, String whole) {
        Integer named = switch (this) {
            case WEEKDAYS -> WEEKDAY_NUMBERS.get(part);
            case MONTHS -> MONTH_NUMBERS.get(part);
            default -> null;
        };
        if (named != null) {
            return named;
        }
        if (this != WEEKDAYS) {
            try {
                return Integer.parseInt(part);
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("'" + part + "' in '" + whole + "' is not a " + noun());
    }

    private void check(int begin, int end, String text) {
        switch (this) {
            case WEEKDAYS -> {
                // names only, so always in 0..6; begin > end wraps past saturday (see the class comment)
            }
            case DAYS_OF_MONTH -> checkDays(begin, end, text);
            case MONTHS -> {
                if (begin < 1 || begin > 12 || end < 1 || end > 12) {
                    throw new IllegalArgumentException("'" + text + "': months are 1..12 or january..december");
                }
                if (begin > end) {
                    throw new IllegalArgumentException("'" + text + "': end month is before start month");
                }
            }
            case YEARS -> {
                if (begin < 1 || end < 1) {
                    throw new IllegalArgumentException("'" + text + "': years must be positive");
                }
                if (begin > end) {
                    throw new IllegalArgumentException("'" + text + "': end year is before start year");
                }
            }
        }
    }

    private static void checkDays(int begin, int end, String text) {
        for (int d : new int[] {begin, end}) {
            if (d == 0 || d < -MAX_DAY_OF_MONTH || d > MAX_DAY_OF_MONTH) {
                throw new IllegalArgumentException(
                        "'" + text + "': " + d + " is not a day of the month (1..31, or -1..-31 from the end)");
            }
        }
        if (begin < 0 && end > 0) {
            throw new IllegalArgumentException("'" + text + "': end day must be negative if start day is negative");
        }
        int b = begin < 0 ? SHORTEST_MONTH_DAYS + begin : begin;
        int e = end < 0 ? SHORTEST_MONTH_DAYS + end : end;
        if (b > e) {
            throw new IllegalArgumentException("'" + text + "': end day is always before start day");
        }
    }

    private String noun() {
        return switch (this) {
            case WEEKDAYS -> "weekday (sunday..saturday)";
            case DAYS_OF_MONTH -> "day of the month";
            case MONTHS -> "month";
            case YEARS -> "year";
        };
    }
}
