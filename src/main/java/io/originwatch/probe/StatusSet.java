package io.originwatch.probe;

import java.util.ArrayList;
import java.util.List;

/** A set of HTTP status codes written as {@code 200-399} or {@code 200,301-302}. */
public record StatusSet(List<Range> ranges, String text) {

    public static final StatusSet DEFAULT = parse("200-399");

    public record Range(int from, int to) {}

    public StatusSet {
        ranges = List.copyOf(ranges);
    }

    public boolean contains(int status) {
        for (Range r : ranges) {
            if (status >= r.from() && status <= r.to()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses a comma-separated list of codes and inclusive ranges, each within 100-599.
     *
     * @throws IllegalArgumentException naming the offending part
     */
    public static StatusSet parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected status codes like 200-399 or 200,301-302, got \"\"");
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            int from = code(dash < 0 ? p : p.substring(0, dash), text);
            int to = dash < 0 ? from : code(p.substring(dash + 1), text);
            if (to < from) {
                throw new IllegalArgumentException("range " + p + " ends before it starts in \"" + text + "\"");
            }
            ranges.add(new Range(from, to));
        }
        return new StatusSet(ranges, text.trim());
    }

    private static int code(String s, String whole) {
        String t = s.trim();
        if (!t.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("\"" + t + "\" is not a 3-digit status code in \"" + whole + "\"");
        }
        int c = Integer.parseInt(t);
        if (c < 100 || c > 599) {
            throw new IllegalArgumentException("status " + c + " outside 100-599 in \"" + whole + "\"");
        }
        return c;
    }

    @Override
    public String toString() {
        return text;
    }
}
