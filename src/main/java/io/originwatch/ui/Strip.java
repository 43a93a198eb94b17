package io.originwatch.ui;

import io.originwatch.api.ResultView;
import java.util.ArrayList;
import java.util.List;

/**
 * The last results (oldest left) as runs of equal outcome: one SVG rect per run instead of one per
 * result keeps a healthy row's strip to a few dozen bytes, which is what lets the overview of
 * thousands of origins stay small. {@link #text} says the same in words.
 *
 * @param runs  consecutive results with the same health, left to right
 * @param width total width in user units ({@link #CELL} per result)
 * @param text  e.g. "last 50 results: 47 ok, 3 failing (newest failing)"
 */
public record Strip(List<Run> runs, int width, String text) {

    public static final int CELL = 3;

    /** {@code count} results in a row, drawn from {@code x}; {@code state} is ok, bad or warn. */
    public record Run(int x, int width, String state, int count, String cause) {}

    /** {@code history} oldest first, as the API's ResultView. */
    public static Strip of(List<ResultView> history) {
        List<Run> runs = new ArrayList<>();
        int ok = 0;
        int i = 0;
        while (i < history.size()) {
            ResultView first = history.get(i);
            String state = state(first);
            int j = i;
            while (j < history.size()
                    && state(history.get(j)).equals(state)
                    && history.get(j).cause().equals(first.cause())) {
                j++;
            }
            runs.add(new Run(i * CELL, (j - i) * CELL, state, j - i, first.cause()));
            if (first.up()) {
                ok += j - i;
            }
            i = j;
        }
        int failing = history.size() - ok;
        String text = history.isEmpty()
                ? "no results yet"
                : "last " + history.size() + " results: " + ok + " ok, " + failing + " failing"
                        + (history.get(history.size() - 1).up() ? "" : " (newest failing)");
        return new Strip(List.copyOf(runs), Math.max(CELL, history.size() * CELL), text);
    }

    private static String state(ResultView r) {
        return !r.up() ? "bad" : r.warnings().isEmpty() ? "ok" : "warn";
    }
}
