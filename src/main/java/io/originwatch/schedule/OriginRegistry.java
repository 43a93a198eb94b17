package io.originwatch.schedule;

import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.Ownership;
import io.originwatch.origin.ViaEdgeDropped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * The running origins, grouped by the source that configured them (application config, origins
 * file, lab). Applying a source's new list starts added origins, stops removed ones (firing
 * {@link OriginRemoved}) and reschedules changed ones; other sources are untouched.
 *
 * <p>Every origin has a state here, but only the origins this member {@link Ownership owns} are
 * scheduled: standalone all of them; in cluster mode {@link #reassign} follows the engine's answer
 * after each membership or migration event.
 */
@ApplicationScoped
public class OriginRegistry {

    /** Where origins come from; names are unique across all of them. */
    public enum Source {
        CONFIG("config"),
        FILE("origins-file"),
        LAB("lab"),
        DISCOVERY_CLOUDFLARE("discovery:cloudflare"),
        DISCOVERY_KUBERNETES("discovery:kubernetes");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** As shown on the API: {@code config}, {@code origins-file}, {@code discovery:cloudflare}. */
        public String label() {
            return label;
        }

        /** A discovery source yields a name clash to any configured origin. */
        public boolean discovered() {
            return this == DISCOVERY_CLOUDFLARE || this == DISCOVERY_KUBERNETES;
        }
    }

    /** What an {@link #apply} changed. */
    public record Change(int added, int removed, int changed, int unchanged) {}

    @Inject
    ProbeScheduler scheduler;

    @Inject
    Event<OriginRemoved> removedEvent;

    @Inject
    Event<ViaEdgeDropped> viaEdgeDroppedEvent;

    /** Sorted by name, so readers can walk the origins in order (and from a name on) without copying them. */
    private final ConcurrentNavigableMap<String, OriginState> states = new ConcurrentSkipListMap<>();
    /**
     * The same states by name, for {@link #state}: every probe looks its origin up (the job firing,
     * the metrics), and a skip list's walk of string comparisons was 9% of the daemon's CPU at
     * 10,000 origins (bench/README.md); a hash lookup is one comparison, for about 37 bytes an origin.
     * Written together with {@link #states} (here first, removed from here last).
     */
    private final Map<String, OriginState> byName = new ConcurrentHashMap<>();

    private final Map<Source, Set<String>> bySource = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private volatile Ownership ownership = Ownership.STANDALONE;
    /** Standalone: no continuity. */
    private static final Consumer<List<String>> NO_CONTINUITY = names -> {};

    private volatile Consumer<List<String>> continuity = NO_CONTINUITY;

    /** What a {@link #reassign} changed: origins this member took over and origins it gave up. */
    public record Reassignment(List<String> gained, List<String> lost) {}

    public Optional<OriginState> state(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All origins, sorted by name. */
    public List<OriginState> all() {
        return new ArrayList<>(states.values());
    }

    /**
     * A live, read-only view of every origin, in name order: iterating it copies nothing (the
     * scrape and paged API reads walk it); it reflects origins added and removed meanwhile.
     */
    public Collection<OriginState> states() {
        return Collections.unmodifiableCollection(states.values());
    }

    /** Origins whose name is after {@code name}, in name order, as a live read-only view. */
    public Collection<OriginState> statesAfter(String name) {
        return Collections.unmodifiableCollection(states.tailMap(name, false).values());
    }

    public int size() {
        return states.size();
    }

    /** Who owns which origin; {@link Ownership#STANDALONE} unless cluster mode set another. */
    public Ownership ownership() {
        return ownership;
    }

    /** Origins scheduled on this member now. */
    public int owned() {
        return scheduled.size();
    }

    /** True when {@code name} is scheduled on this member now (standalone: every origin). */
    public boolean scheduledHere(String name) {
        return scheduled.contains(name);
    }

    /**
     * Calls {@code action} with the names of every origin not scheduled on this member, holding the
     * lock under which origins start: none starts (and has its state continued) meanwhile, so
     * {@code action} may forget what this member knew of them without undoing a continuation.
     */
    public synchronized void withUnscheduled(Consumer<List<String>> action) {
        List<String> names = new ArrayList<>();
        for (String name : states.keySet()) {
            if (!scheduled.contains(name)) {
                names.add(name);
            }
        }
        action.accept(names);
    }

    /** Switches to {@code ownership} and schedules exactly the origins it gives this member. */
    public synchronized Reassignment ownBy(Ownership ownership) {
        return ownBy(ownership, NO_CONTINUITY);
    }

    /**
     * Switches to {@code ownership}; {@code continuity} is called with the origins this member takes
     * over (here, by {@link #reassign}, or added by {@link #apply} while owned) before they are
     * scheduled, so their state can be continued from their previous owner's before their first
     * probe here. It must not throw.
     */
    public synchronized Reassignment ownBy(Ownership ownership, Consumer<List<String>> continuity) {
        this.ownership = ownership;
        this.continuity = continuity;
        return reassign();
    }

    /**
     * Schedules origins this member owns now and unschedules those it no longer owns (after a
     * membership or migration event, or a change of quorum). The states stay: a new owner
     * continues from the state it is given.
     */
    public synchronized Reassignment reassign() {
        List<String> gained = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (OriginState state : all()) {
            String name = state.origin().name();
            boolean owns = ownership.owns(name);
            if (owns && !scheduled.contains(name)) {
                gained.add(name);
            } else if (!owns && scheduled.remove(name)) {
                lost.add(name);
            }
        }
        scheduler.unscheduleAll(lost);
        start(gained);
        return new Reassignment(gained, lost);
    }

    /**
     * Starts {@code gained}: origins this member was found to own, not scheduled yet. The one
     * answer of the ownership that put a name here decides; it is not asked again, because it can
     * change in between (a partition migrating meanwhile): an origin that becomes this member's
     * only between the two answers would otherwise start without its previous owner's state and page
     * again. One this member lost meanwhile is stopped by the next {@link #reassign}, which the
     * migration that moved it calls.
     */
    private void start(List<String> gained) {
        if (gained.isEmpty()) {
            return;
        }
        continuity.accept(List.copyOf(gained));
        List<Origin> origins = new ArrayList<>(gained.size());
        java.time.Instant now = java.time.Instant.now();
        for (String name : gained) {
            OriginState state = states.get(name);
            if (state != null) {
                state.watchedSince(now);
                origins.add(state.origin());
            }
        }
        scheduler.scheduleAll(origins);
        origins.forEach(o -> scheduled.add(o.name()));
    }

    /**
     * A changed origin scheduled here keeps running (or is stopped when this member no longer owns
     * it); one not scheduled here is left to {@link #reassign}, which starts it through the
     * continuity when this member owns it. Its trigger is replaced only when its interval changed:
     * the trigger holds nothing else of the origin ({@link ProbeScheduler#scheduleAll}), so a new
     * label, URL or timeout does not touch Quartz at all, and a replaced trigger keeps the name's phase.
     */
    private void reschedule(Origin before, Origin origin, List<Origin> retrigger, List<String> stop) {
        if (!scheduled.contains(origin.name())) {
            return;
        }
        if (ownership.owns(origin.name())) {
            state(origin.name()).ifPresent(st -> st.watchedSince(java.time.Instant.now()));
            if (!before.interval().equals(origin.interval())) {
                retrigger.add(origin);
            }
        } else if (scheduled.remove(origin.name())) {
            stop.add(origin.name());
        }
    }

    /** Names used by sources other than {@code source}, mapped to where they were configured. */
    public synchronized Map<String, String> namesOutside(Source source) {
        Map<String, String> names = new HashMap<>();
        bySource.forEach((s, set) -> {
            // configured origins win name clashes: a discovered name does not block them (apply takes it over)
            if (s != source && !(s.discovered() && !source.discovered())) {
                set.forEach(n -> names.put(n, states.get(n).origin().source()));
            }
        });
        return names;
    }

    /** Makes {@code source}'s origins exactly {@code origins}. */
    public synchronized Change apply(Source source, Collection<Origin> origins) {
        Set<String> previous = bySource.getOrDefault(source, Set.of());
        Set<String> next = new LinkedHashSet<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        List<Origin> fresh = new ArrayList<>();
        List<Origin> retrigger = new ArrayList<>();
        List<String> stop = new ArrayList<>();
        for (Origin o : origins) {
            next.add(o.name());
            takeOver(source, o.name());
            OriginState existing = states.get(o.name());
            if (existing == null) {
                OriginState state = new OriginState(o);
                state.source(source);
                byName.put(o.name(), state);
                states.put(o.name(), state);
                fresh.add(o);
                added++;
            } else if (existing.origin().sameProbeAs(o) && existing.source() == source) {
                if (existing.origin() != o) { // a reload keeps an equal origin as it is (Origin#sharing)
                    existing.replaceOrigin(o);
                }
                unchanged++;
            } else {
                Origin before = existing.origin();
                boolean viaEdgeDropped = before.viaEdge() != null && o.viaEdge() == null;
                existing.replaceOrigin(o);
                existing.source(source);
                reschedule(before, o, retrigger, stop);
                if (viaEdgeDropped) {
                    viaEdgeDroppedEvent.fire(new ViaEdgeDropped(o.name()));
                }
                changed++;
            }
        }
        scheduler.unscheduleAll(stop);
        scheduler.scheduleAll(retrigger);
        start(fresh.stream().map(Origin::name).filter(ownership::owns).toList());
        List<String> gone = new ArrayList<>();
        for (String name : previous) {
            if (!next.contains(name)) {
                gone.add(name);
            }
        }
        // one Quartz call per batch of removed origins, then their states and events
        scheduler.unscheduleAll(gone);
        gone.forEach(this::remove);
        int removed = gone.size();
        bySource.put(source, Set.copyOf(next));
        return new Change(added, removed, changed, unchanged);
    }

    /**
     * A configured source applying a name that a discovery source holds takes it over: the name leaves
     * the discovery source's set (so its next result does not stop it), and the origin is replaced below.
     */
    private void takeOver(Source source, String name) {
        if (source.discovered()) {
            return;
        }
        bySource.replaceAll((s, set) -> s.discovered() && set.contains(name) ? without(set, name) : set);
    }

    private static Set<String> without(Set<String> set, String name) {
        Set<String> copy = new LinkedHashSet<>(set);
        copy.remove(name);
        return Set.copyOf(copy);
    }

    /** Names {@code source} applied last. */
    public Set<String> names(Source source) {
        return bySource.getOrDefault(source, Set.of());
    }

    /** Removes an origin already unscheduled. */
    private void remove(String name) {
        scheduled.remove(name);
        OriginState state = states.remove(name);
        byName.remove(name);
        if (state != null) {
            state.remove(() -> removedEvent.fire(new OriginRemoved(name)));
        }
    }
}
