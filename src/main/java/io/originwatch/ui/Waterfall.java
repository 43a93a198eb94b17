package io.originwatch.ui;

import io.originwatch.api.LimitsView;
import io.originwatch.api.TimingsView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The phases of the latest probe on one time axis that spans the origin's budgets: the connect
 * timeout from the start of connect, the response timeout (and the slow-response mark at half of
 * it) from the request sent. A probe of a few milliseconds is then a sliver against 15 s, which is
 * the honest picture; the table beside each bar carries the numbers.
 *
 * @param rows  one per phase that happened, in order, the last one marked when the probe stopped there
 * @param marks the budget lines, drawn on every row at the same x
 * @param axis  what {@link #WIDTH} user units stand for, e.g. "15.0 s"
 */
public record Waterfall(List<Row> rows, List<Mark> marks, String axis) {

    public static final int WIDTH = 600;

    /** One phase: drawn from {@code x}, {@code width} units; {@code stopped} = the probe ended here. */
    public record Row(String phase, String duration, int x, int width, boolean stopped, String note) {}

    /** A budget line at {@code x}: {@code kind} is connect-timeout, slow-response or response-timeout. */
    public record Mark(String kind, String label, int x) {}

    public static Waterfall of(TimingsView t, LimitsView limits, String stoppedIn, String cause) {
        double dns = val(t.dns());
        double connect = val(t.connect());
        double tls = val(t.tls());
        double connectStart = dns;
        double waitStart = dns + connect + tls;
        double total = val(t.total());
        double axis = Math.max(
                total, Math.max(connectStart + limits.connectTimeoutMs(), waitStart + limits.responseTimeoutMs()));
        axis *= 1.02;
        List<Row> rows = new ArrayList<>();
        double at = 0;
        at = add(rows, "dns", t.dns(), at, axis, stoppedIn, cause);
        at = add(rows, "connect", t.connect(), at, axis, stoppedIn, cause);
        at = add(rows, "tls", t.tls(), at, axis, stoppedIn, cause);
        at = add(rows, "wait", t.ttfb(), at, axis, stoppedIn, cause);
        double rest = Math.max(0, total - at);
        if (stoppedIn != null && !rows.isEmpty() && rows.get(rows.size() - 1).stopped()) {
            // the stopped phase is already drawn (it has its own timing)
        } else if (stoppedIn != null) {
            rows.add(row(stoppedIn, rest, at, axis, true, stopNote(stoppedIn, cause)));
        } else if (t.total() != null) {
            rows.add(row("receive", rest, at, axis, false, null));
        }
        List<Mark> marks = List.of(
                new Mark(
                        "connect-timeout",
                        "connect timeout " + ms(limits.connectTimeoutMs()),
                        x(connectStart + limits.connectTimeoutMs(), axis)),
                new Mark(
                        "slow-response",
                        "slow response " + ms(limits.slowResponseMs()),
                        x(waitStart + limits.slowResponseMs(), axis)),
                new Mark(
                        "response-timeout",
                        "response timeout " + ms(limits.responseTimeoutMs()),
                        x(waitStart + limits.responseTimeoutMs(), axis)));
        return new Waterfall(List.copyOf(rows), marks, ms(axis));
    }

    private static double add(
            List<Row> rows, String phase, Double ms, double at, double axis, String stoppedIn, String cause) {
        if (ms == null) {
            return at;
        }
        boolean stopped = phase.equals(stoppedIn);
        rows.add(row(phase, ms, at, axis, stopped, stopped ? stopNote(phase, cause) : null));
        return at + ms;
    }

    private static Row row(String phase, double ms, double at, double axis, boolean stopped, String note) {
        int x = x(at, axis);
        int w = Math.max(1, x(at + ms, axis) - x);
        return new Row(phase, ms(ms), Math.min(x, WIDTH - 1), w, stopped, note);
    }

    private static String stopNote(String phase, String cause) {
        return "probe stopped in " + phase + ": " + cause;
    }

    private static int x(double ms, double axis) {
        return (int) Math.round(WIDTH * ms / axis);
    }

    private static double val(Double d) {
        return d == null ? 0 : d;
    }

    static String ms(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return String.format(Locale.ROOT, ms >= 10 ? "%.0f ms" : "%.2f ms", ms);
    }
}
