package io.originwatch.alert;

import io.originwatch.classify.Verdict;
import io.originwatch.origin.Streak;
import io.originwatch.probe.PhaseTimings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Per-origin alert state from consecutive probe results, gatus style:
 * <ol>
 * <li>a bad result (cause not ok) counts a failure and zeroes the success count; at
 * {@code failures == failure-threshold} the alert fires, with {@code startsAt} = start of the first
 * bad probe of the run;</li>
 * <li>while firing, a bad result with another cause updates the alert in place (one alert per
 * origin, never two) and is sent; the same cause only refreshes the facts, sending nothing;</li>
 * <li>a good result counts a success and zeroes the failure count; at
 * {@code successes == success-threshold} a firing alert resolves;</li>
 * <li>an origin removed from the config resolves its alert and forgets its counters;</li>
 * <li>a {@code probe_error} (originwatch failed locally, nothing is known about the origin) changes
 * nothing: it neither counts as a failure nor as a success;</li>
 * <li>a probe that started inside a maintenance window counts as always, but opens no alert: the
 * origin is <em>suppressed</em>. An alert already firing when the window began is <em>carried</em>:
 * rules 2 and 3 go on (it changes cause, is re-posted, resolves) as outside a window. At the first
 * probe after the window, a still-failing origin past the threshold fires once, with
 * {@code startsAt} = the first bad probe of its run (which may lie inside the window).</li>
 * </ol>
 * Rules 1, 3 and 5 are the one streak rule of {@link Streak}, which the origin's state applies too:
 * the API's {@code consecutiveFailures} is the count compared with {@code failure-threshold} here.
 * Results that flap below the thresholds, or wholly inside a window, therefore send nothing. Thread-safe: each origin's state
 * changes under its own lock; different origins never contend.
 *
 * <p>What a restart must not lose ({@link SavedOrigin}: failure streaks and firing alerts) is read
 * with {@link #saved()} and put back with {@link #restore}; {@link #version()} changes whenever it
 * changes, so a writer saves only when there is something new.
 */
public final class AlertTracker {

    private final Map<String, OriginState> states = new ConcurrentHashMap<>();
    private final Consumer<Notification> publisher;
    private final AtomicLong version = new AtomicLong();
    private volatile AlertPolicy policy;

    public AlertTracker(AlertPolicy policy) {
        this(policy, n -> {});
    }

    /**
     * @param publisher called with every notification while the origin's lock is held, so that a
     *                  resend ({@link #forEachActive}) can never overtake a resolution; must not block
     */
    public AlertTracker(AlertPolicy policy, Consumer<Notification> publisher) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** Applies to results recorded from now on; counters and active alerts are kept. */
    public void policy(AlertPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public AlertPolicy policy() {
        return policy;
    }

    /** Records one classified probe outside any maintenance window. */
    public Optional<Notification> record(String origin, Map<String, String> labels, Verdict verdict, Instant now) {
        return record(origin, labels, verdict, false, now);
    }

    /**
     * Records one classified probe; returns what the sinks must be told, if anything.
     *
     * @param inMaintenance the probe started inside a maintenance window of this origin (rule 6)
     */
    public Optional<Notification> record(
            String origin, Map<String, String> labels, Verdict verdict, boolean inMaintenance, Instant now) {
        if (!Streak.counts(verdict.cause())) {
            return Optional.empty();
        }
        OriginState state = states.computeIfAbsent(origin, o -> new OriginState());
        synchronized (state) {
            boolean savedBefore = state.worthSaving();
            state.streak.record(verdict.cause());
            Optional<Notification> n = verdict.up()
                    ? state.good(policy.thresholdsFor(origin), now)
                    : state.bad(origin, labels, verdict, policy, inMaintenance, now);
            if (savedBefore || state.worthSaving()) {
                version.incrementAndGet();
            }
            n.ifPresent(publisher);
            return n;
        }
    }

    /** The origin left the configuration: its alert (if any) resolves now. */
    public Optional<Notification> remove(String origin, Instant now) {
        OriginState state = states.remove(origin);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            if (state.worthSaving()) {
                version.incrementAndGet();
            }
            Optional<Notification> n = Optional.ofNullable(state.firing).map(a -> Notification.resolved(a, now));
            state.firing = null;
            n.ifPresent(publisher);
            return n;
        }
    }

    /**
     * Puts saved state back, for origins that have no state yet (a result recorded since the start
     * is newer than anything saved). Sends nothing: the receivers already know these alerts.
     */
    public void restore(List<SavedOrigin> saved) {
        for (SavedOrigin s : saved) {
            OriginState state = new OriginState(new Streak(s.failures(), s.successes()));
            state.failingSince = s.failingSince();
            state.firing = s.firing();
            if (states.putIfAbsent(s.origin(), state) == null) {
                version.incrementAndGet();
            }
        }
    }

    /**
     * The state of one origin as it moves to another cluster member (also when there is nothing a
     * restart would keep: a success streak counts towards a resolve too); empty when the tracker
     * has none for it.
     */
    public Optional<SavedOrigin> saved(String origin) {
        OriginState s = states.get(origin);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return Optional.of(
                    new SavedOrigin(origin, s.streak.failures(), s.streak.successes(), s.failingSince, s.firing));
        }
    }

    /**
     * Replaces one origin's state with {@code saved} (null: forgets it), when this cluster member
     * takes the origin over from its previous owner. Unlike {@link #restore} it replaces what is
     * here: what this member remembers of an origin it owned before is older than the owner's.
     * Sends nothing: the receivers already know a firing alert, and a forgotten one is resolved by
     * its owner, not here.
     */
    public void continueFrom(String origin, SavedOrigin saved) {
        if (saved != null && !saved.origin().equals(origin)) {
            throw new IllegalArgumentException("state of " + saved.origin() + " given for " + origin);
        }
        OriginState previous;
        if (saved == null) {
            previous = states.remove(origin);
        } else {
            OriginState state = new OriginState(new Streak(saved.failures(), saved.successes()));
            state.failingSince = saved.failingSince();
            state.firing = saved.firing();
            previous = states.put(origin, state);
        }
        if (previous != null || saved != null) {
            version.incrementAndGet();
        }
    }

    /**
     * Forgets one origin without a notification: this cluster member no longer owns it, so it stops
     * re-posting its alert ({@link #forEachActive}); the new owner carries on from the origin's
     * snapshot and resolves it when it recovers.
     */
    public void release(String origin) {
        continueFrom(origin, null);
    }

    /**
     * Resolves and forgets the origins {@code configured} does not know (removed from the config
     * while the daemon was down); returns what was sent.
     */
    public List<Notification> forgetUnless(Predicate<String> configured, Instant now) {
        return states.keySet().stream().filter(configured.negate()).toList().stream()
                .map(o -> remove(o, now))
                .flatMap(Optional::stream)
                .toList();
    }

    /** What a restart must keep: every origin with a failure streak or a firing alert. */
    public List<SavedOrigin> saved() {
        return states.entrySet().stream()
                .map(e -> {
                    OriginState s = e.getValue();
                    synchronized (s) {
                        return s.worthSaving()
                                ? new SavedOrigin(
                                        e.getKey(), s.streak.failures(), s.streak.successes(), s.failingSince, s.firing)
                                : null;
                    }
                })
                .filter(Objects::nonNull)
                .toList();
    }

    /** Changes whenever {@link #saved()} would return something else. */
    public long version() {
        return version.get();
    }

    /**
     * True while the origin's alert fires. Inside a maintenance window that is a carried alert (no
     * alert opens in a window); an origin in a window with no firing alert is suppressed.
     */
    public boolean firing(String origin) {
        OriginState s = states.get(origin);
        if (s == null) {
            return false;
        }
        synchronized (s) {
            return s.firing != null;
        }
    }

    /**
     * True when the origin is suppressed: in a maintenance window now, with no alert firing (a
     * firing alert in a window is a carried one). The API's {@code suppressing} and the metric
     * {@code originwatch_origin_alert_suppressed} both come from here.
     */
    public boolean suppressing(String origin, boolean inWindowNow) {
        return inWindowNow && !firing(origin);
    }

    /** Calls {@code action} for each firing alert under its origin's lock (for resends); must not block. */
    public void forEachActive(Consumer<ActiveAlert> action) {
        for (OriginState s : states.values()) {
            synchronized (s) {
                if (s.firing != null) {
                    action.accept(s.firing);
                }
            }
        }
    }

    /** Alerts firing now, oldest first. */
    public List<ActiveAlert> active() {
        return states.values().stream()
                .map(s -> {
                    synchronized (s) {
                        return s.firing;
                    }
                })
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(ActiveAlert::startsAt).thenComparing(ActiveAlert::origin))
                .toList();
    }

    private static final class OriginState {
        final Streak streak;
        Instant failingSince;
        ActiveAlert firing;

        OriginState() {
            this(new Streak());
        }

        OriginState(Streak streak) {
            this.streak = streak;
        }

        boolean worthSaving() {
            return firing != null || streak.failures() > 0;
        }

        Optional<Notification> bad(
                String origin,
                Map<String, String> labels,
                Verdict verdict,
                AlertPolicy policy,
                boolean inMaintenance,
                Instant now) {
            Instant probedAt = verdict.result() == null ? now : verdict.result().startedAt();
            if (streak.failures() == 1) {
                failingSince = probedAt;
            }
            PhaseTimings timings = verdict.result() == null
                    ? PhaseTimings.none()
                    : verdict.result().timings();
            ActiveAlert next = new ActiveAlert(
                    origin,
                    labels == null ? Map.of() : labels,
                    verdict.cause(),
                    verdict.edgeStatus(),
                    policy.severityOf(verdict.cause()),
                    verdict.detail(),
                    timings,
                    probedAt,
                    firing == null ? failingSince : firing.startsAt());
            ActiveAlert previous = firing;
            if (previous == null) {
                if (inMaintenance
                        || streak.failures() < policy.thresholdsFor(origin).failures()) {
                    return Optional.empty();
                }
                firing = next;
                return Optional.of(Notification.firing(next, now));
            }
            firing = next;
            if (!next.differentIdentity(previous)) {
                return Optional.empty();
            }
            return Optional.of(new Notification(Notification.State.FIRING, next, List.of(previous), now));
        }

        Optional<Notification> good(Thresholds thresholds, Instant now) {
            if (firing == null || streak.successes() < thresholds.successes()) {
                return Optional.empty();
            }
            Notification resolved = Notification.resolved(firing, now);
            firing = null;
            return Optional.of(resolved);
        }
    }
}
