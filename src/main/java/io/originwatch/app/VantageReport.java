package io.originwatch.app;

import io.originwatch.app.VantageVerdict.State;
import java.util.List;
import java.util.Locale;

/**
 * Every vantage's verdict for one origin and the quorum's outcome. The rule, with {@code required}
 * = {@code originwatch.vantage-quorum} (N) and the vantages counted by state:
 *
 * <ol>
 *   <li>{@link Outcome#DOWN} when at least N vantages say down;
 *   <li>{@link Outcome#UP} when N cannot be reached even if every pending or unknown vantage were down
 *       ({@code down + pending + unknown < N});
 *   <li>otherwise {@link Outcome#UNKNOWN}: the vantages that did not answer decide, so nothing is said.
 * </ol>
 *
 * A vantage that does not answer is never counted as down: a peer's outage or a partition between
 * the vantages cannot make an origin look down.
 *
 * @param origin   the origin's name
 * @param vantages this vantage first, then the peers in configuration order
 * @param required N
 */
public record VantageReport(String origin, List<VantageVerdict> vantages, int required) {

    /** The quorum's outcome. */
    public enum Outcome {
        UP,
        DOWN,
        UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public VantageReport {
        vantages = List.copyOf(vantages);
    }

    /** Vantages in {@code state}. */
    public int count(State state) {
        return (int) vantages.stream().filter(v -> v.state() == state).count();
    }

    public Outcome outcome() {
        int down = count(State.DOWN);
        if (down >= required) {
            return Outcome.DOWN;
        }
        int undecided = count(State.PENDING) + count(State.UNKNOWN);
        return down + undecided < required ? Outcome.UP : Outcome.UNKNOWN;
    }
}
