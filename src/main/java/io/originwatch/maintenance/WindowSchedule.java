package io.originwatch.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a maintenance window is open: a list of Alertmanager time intervals (open when any of them
 * contains the instant) or one {@code [start, end)}.
 */
public sealed interface WindowSchedule {

    /** How far {@link #nextChange} looks ahead: a year and a bit, so a yearly window is found. */
    Duration HORIZON = Duration.ofDays(400);

    boolean contains(Instant instant);

    /** The first instant after {@code after} at which {@link #contains} differs from its value at {@code after}. */
    Optional<Instant> nextChange(Instant after);

    /** One opening {@code [start, end)}; {@code end} is null when it lies past the look-ahead. */
    record Occurrence(Instant start, Instant end) {}

    /** Up to {@code max} openings that start after {@code after} (the one open now is not among them). */
    default List<Occurrence> upcoming(Instant after, int max) {
        List<Occurrence> out = new ArrayList<>();
        Instant t = after;
        if (contains(t)) {
            Optional<Instant> end = nextChange(t);
            if (end.isEmpty()) {
                return out;
            }
            t = end.get();
        }
        while (out.size() < max) {
            Optional<Instant> start = nextChange(t);
            if (start.isEmpty()) {
                break;
            }
            Optional<Instant> end = nextChange(start.get());
            out.add(new Occurrence(start.get(), end.orElse(null)));
            if (end.isEmpty()) {
                break;
            }
            t = end.get();
        }
        return out;
    }

    /** Open whenever one of the intervals contains the instant. */
    record Recurring(List<TimeInterval> intervals) implements WindowSchedule {

        public Recurring {
            intervals = List.copyOf(intervals);
            if (intervals.isEmpty()) {
                throw new IllegalArgumentException("at least one time interval");
            }
        }

        @Override
        public boolean contains(Instant instant) {
            return intervals.stream().anyMatch(i -> i.contains(instant));
        }

        @Override
        public Optional<Instant> nextChange(Instant after) {
            boolean now = contains(after);
            Instant limit = after.plus(HORIZON);
            Instant t = after;
            while (t.isBefore(limit)) {
                Instant from = t;
                t = intervals.stream()
                        .map(i -> i.nextCandidate(from))
                        .min(Instant::compareTo)
                        .orElseThrow();
                if (contains(t) != now) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code [start, end)}, exact to the instant. */
    record OneOff(Instant start, Instant end) implements WindowSchedule {

        public OneOff {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("start must be before end");
            }
        }

        @Override
        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }

        @Override
        public Optional<Instant> nextChange(Instant after) {
            if (after.isBefore(start)) {
                return Optional.of(start);
            }
            return after.isBefore(end) ? Optional.of(end) : Optional.empty();
        }
    }
}
