package io.originwatch.schedule;

import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ViaEdgeDropped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running origins, grouped by the source that configured them (application config, origins
 * file, lab). Applying a source's new list starts added origins, stops removed ones (firing
 * {@link OriginRemoved}) and reschedules changed ones; other sources are untouched.
 */
@ApplicationScoped
public class OriginRegistry {

    /** Where origins come from; names are unique across all of them. */
    public enum Source {
        CONFIG,
        FILE,
        LAB
    }

    /** What an {@link #apply} changed. */
    public record Change(int added, int removed, int changed, int unchanged) {}

    @Inject
    ProbeScheduler scheduler;

    @Inject
    Event<OriginRemoved> removedEvent;

    @Inject
    Event<ViaEdgeDropped> viaEdgeDroppedEvent;

    private final Map<String, OriginState> states = new ConcurrentHashMap<>();
    private final Map<Source, Set<String>> bySource = new ConcurrentHashMap<>();

    public Optional<OriginState> state(String name) {
        return Optional.ofNullable(states.get(name));
    }

    /** All origins, sorted by name. */
    public List<OriginState> all() {
        List<OriginState> list = new ArrayList<>(states.values());
        list.sort(Comparator.comparing(s -> s.origin().name()));
        return list;
    }

    public int size() {
        return states.size();
    }

    /** Names used by sources other than {@code source}, mapped to where they were configured. */
    public synchronized Map<String, String> namesOutside(Source source) {
        Map<String, String> names = new HashMap<>();
        bySource.forEach((s, set) -> {
            if (s != source) {
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
        for (Origin o : origins) {
            next.add(o.name());
            OriginState existing = states.get(o.name());
            if (existing == null) {
                states.put(o.name(), new OriginState(o));
                scheduler.schedule(o);
                added++;
            } else if (existing.origin().sameProbeAs(o)) {
                existing.replaceOrigin(o);
                unchanged++;
            } else {
                boolean viaEdgeDropped = existing.origin().viaEdge() != null && o.viaEdge() == null;
                existing.replaceOrigin(o);
                scheduler.schedule(o);
                if (viaEdgeDropped) {
                    viaEdgeDroppedEvent.fire(new ViaEdgeDropped(o.name()));
                }
                changed++;
            }
        }
        int removed = 0;
        for (String name : previous) {
            if (!next.contains(name)) {
                remove(name);
                removed++;
            }
        }
        bySource.put(source, Set.copyOf(next));
        return new Change(added, removed, changed, unchanged);
    }

    private void remove(String name) {
        scheduler.unschedule(name);
        OriginState state = states.remove(name);
        if (state != null) {
            state.remove(() -> removedEvent.fire(new OriginRemoved(name)));
        }
    }
}
