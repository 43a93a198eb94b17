package io.originwatch.maintenance;

import java.util.regex.Pattern;

/**
 * Minutes of the day {@code [startMinute, endMinute)} on the wall clock, from Alertmanager's
 * {@code start_time} / {@code end_time} ({@code "HH:MM"}, end up to {@code "24:00"}). Start is
 * included, end excluded, and start must be before end: a window across midnight is two ranges
 * ({@code 22:00-24:00} and {@code 00:00-02:00}), as in Alertmanager.
 */
public record TimeRange(int startMinute, int endMinute) {

    public static final int MINUTES_PER_DAY = 24 * 60;

    private static final Pattern HH_MM = Pattern.compile("(([01][0-9]|2[0-3]):[0-5][0-9])|24:00");

    public TimeRange {
        if (startMinute < 0 || endMinute > MINUTES_PER_DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("start_time must be before end_time (a range across midnight is"
                    + " two ranges: ...-24:00 and 00:00-...)");
        }
    }

    /** From {@code start_time} and {@code end_time}; throws {@link IllegalArgumentException} naming the problem. */
    public static TimeRange parse(String start, String end) {
        if (start == null || start.isBlank() || end == null || end.isBlank()) {
            throw new IllegalArgumentException("both start_time and end_time must be given");
        }
        return new TimeRange(minute("start_time", start), minute("end_time", end));
    }

    private static int minute(String key, String text) {
        String t = text.strip();
        if (!HH_MM.matcher(t).matches()) {
            throw new IllegalArgumentException(key + " must be HH:MM (00:00 to 24:00), got '" + text + "'");
        }
        return Integer.parseInt(t.substring(0, 2)) * 60 + Integer.parseInt(t.substring(3));
    }

    public boolean contains(int minuteOfDay) {
        return minuteOfDay >= startMinute && minuteOfDay < endMinute;
    }

    @Override
    public String toString() {
        return hhmm(startMinute) + "-" + hhmm(endMinute);
    }

    private static String hhmm(int m) {
        return String.format("%02d:%02d", m / 60, m % 60);
    }
}
