package io.originwatch.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sink is told about one origin's alert. Queues keep only the newest notification per origin
 * ({@link #supersede}); alerts it replaced while firing travel along in {@code superseded}, so a
 * label-keyed receiver can end them.
 *
 * @param state      firing or resolved
 * @param alert      the alert now (for resolved: as it was when it resolved)
 * @param superseded earlier alerts of this origin with another identity that the receiver must end
 * @param at         when this state began (resolved: the recovery; firing: the fire or the update)
 */
public record Notification(State state, ActiveAlert alert, List<ActiveAlert> superseded, Instant at) {

    public enum State {
        FIRING,
        RESOLVED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Notification {
        superseded = List.copyOf(superseded);
    }

    public static Notification firing(ActiveAlert alert, Instant at) {
        return new Notification(State.FIRING, alert, List.of(), at);
    }

    public static Notification resolved(ActiveAlert alert, Instant at) {
        return new Notification(State.RESOLVED, alert, List.of(), at);
    }

    public String key() {
        return alert.origin();
    }

    /**
     * This (newer) notification for the same origin, carrying what {@code older} still owed the
     * receiver: the alerts with another identity than this one's (including older's own), to be ended.
     */
    public Notification supersede(Notification older) {
        List<ActiveAlert> owed = new ArrayList<>();
        for (ActiveAlert a : older.superseded) {
            addIfOther(owed, a);
        }
        // firing under another identity, or resolved under another one: either way the receiver ends it
        addIfOther(owed, older.alert);
        for (ActiveAlert a : superseded) {
            addIfOther(owed, a);
        }
        return new Notification(state, alert, owed, at);
    }

    private void addIfOther(List<ActiveAlert> owed, ActiveAlert a) {
        if (a.differentIdentity(alert) && owed.stream().noneMatch(o -> !o.differentIdentity(a))) {
            owed.add(a);
        }
    }
}
