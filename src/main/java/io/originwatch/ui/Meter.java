package io.originwatch.ui;

import java.util.Locale;

/**
 * A header-bytes meter as the templates draw it: a bar of {@link #WIDTH} user units against the
 * limit, a tick at the 75% mark, and the same facts as text (the SVG is never the only record).
 *
 * @param bytes  header bytes seen, or null before the first probe
 * @param limit  the origin's header limit
 * @param bar    bar width (capped at {@link #WIDTH})
 * @param mark   x of the {@code headers_near_limit} mark
 * @param level  {@code ok}, {@code near} (at or above the mark) or {@code over} (above the limit)
 * @param text   e.g. "8193 of 8192 bytes (over the limit)"
 */
public record Meter(Integer bytes, int limit, int bar, int mark, String level, String text) {

    public static final int WIDTH = 100;

    public static Meter of(Integer bytes, int limit, int nearLimit) {
        int mark = (int) Math.round(WIDTH * (double) nearLimit / limit);
        if (bytes == null) {
            return new Meter(null, limit, 0, mark, "none", "no response head yet (limit " + limit + " bytes)");
        }
        int bar = (int) Math.min(WIDTH, Math.round(WIDTH * (double) bytes / limit));
        String level = bytes > limit ? "over" : bytes >= nearLimit ? "near" : "ok";
        String pct = String.format(Locale.ROOT, "%.0f%%", 100.0 * bytes / limit);
        String text = bytes > limit
                ? bytes + " of " + limit + " bytes (over the limit)"
                : bytes + " of " + limit + " bytes (" + pct + (level.equals("near") ? ", near the limit)" : ")");
        return new Meter(bytes, limit, Math.max(bar, bytes > 0 ? 1 : 0), mark, level, text);
    }
}
