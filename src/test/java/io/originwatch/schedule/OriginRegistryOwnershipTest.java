package io.originwatch.schedule;

import static io.originwatch.schedule.ProbeRunnerTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.origin.Origin;
import io.originwatch.origin.Ownership;
import io.originwatch.origin.ViaEdgeDropped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode: an origin starts on a member only after the continuity saw it (so it continues from
 * its previous owner's state before its first probe there), even when the ownership's answer changes
 * while the registry works (a partition migrating meanwhile). The member restarted into a cluster
 * once started an origin that became its own between the continuity's read and the scheduling,
 * fresh, and paged a second time for an alert the cluster already had.
 */
class OriginRegistryOwnershipTest {

    private final OriginRegistry registry = new OriginRegistry();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final List<List<String>> continued = new ArrayList<>();
    private final Set<String> ownedNow = new HashSet<>();

    OriginRegistryOwnershipTest() {
        registry.scheduler = new ProbeScheduler() {
            @Override
            public void schedule(Origin origin) {
                scheduled.add(origin.name());
            }

            @Override
            public void unschedule(String name) {
                scheduled.remove(name);
            }
        };
        registry.removedEvent = new ProbeRunnerTest.Recording<>(e -> {});
        registry.viaEdgeDroppedEvent = new ProbeRunnerTest.Recording<ViaEdgeDropped>(e -> {});
    }

    /** An ownership that gives {@code migrating} to this member while the continuity reads snapshots. */
    private final class Migrating implements Ownership {
        @Override
        public boolean owns(String origin) {
            return ownedNow.contains(origin);
        }

        @Override
        public Optional<String> ownerOf(String origin) {
            return Optional.empty();
        }

        @Override
        public int members() {
            return 3;
        }

        @Override
        public boolean quorum() {
            return true;
        }
    }

    private static Origin origin(String name) {
        return new Origin(spec(name), Duration.ofSeconds(10), Map.of(), "test");
    }

    @Test
    void anOriginThatBecomesOwnedWhileTheContinuityReadsStartsOnlyThroughTheNextReassign() {
        ownedNow.add("a");
        registry.ownBy(new Migrating(), names -> {
            continued.add(names);
            ownedNow.add("b"); // b's partition migrates here while a's snapshot is read
        });

        registry.apply(OriginRegistry.Source.CONFIG, List.of(origin("a"), origin("b")));

        assertThat(continued).containsExactly(List.of("a"));
        assertThat(scheduled).containsExactly("a");
        assertThat(registry.scheduledHere("b")).isFalse();

        // the migration's event: b starts, after the continuity saw it
        OriginRegistry.Reassignment r = registry.reassign();
        assertThat(r.gained()).containsExactly("b");
        assertThat(continued).containsExactly(List.of("a"), List.of("b"));
        assertThat(scheduled).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aGainedOriginLostWhileTheContinuityReadsStartsAndTheNextReassignStopsIt() {
        registry.ownBy(new Migrating(), names -> {
            continued.add(names);
            ownedNow.remove("a"); // a migrates away again meanwhile
        });
        registry.apply(OriginRegistry.Source.CONFIG, List.of(origin("a")));
        assertThat(scheduled).isEmpty();

        ownedNow.add("a");
        assertThat(registry.reassign().gained()).containsExactly("a");
        assertThat(scheduled).containsExactly("a");

        OriginRegistry.Reassignment r = registry.reassign();
        assertThat(r.lost()).containsExactly("a");
        assertThat(scheduled).isEmpty();
    }

    @Test
    void aChangedOriginNotScheduledHereStartsOnlyThroughTheContinuity() {
        registry.ownBy(new Migrating(), continued::add);
        registry.apply(OriginRegistry.Source.CONFIG, List.of(origin("a")));
        assertThat(continued).isEmpty();

        ownedNow.add("a"); // owned now, its migration's reassign not run yet; a reload changes it
        Origin changed = new Origin(spec("a"), Duration.ofSeconds(30), Map.of(), "test");
        registry.apply(OriginRegistry.Source.CONFIG, List.of(changed));
        assertThat(scheduled).isEmpty();

        assertThat(registry.reassign().gained()).containsExactly("a");
        assertThat(continued).containsExactly(List.of("a"));
        assertThat(scheduled).containsExactly("a");
    }

    @Test
    void theUnscheduledAreTheOriginsThisMemberDoesNotRunNow() {
        ownedNow.add("a");
        registry.ownBy(new Migrating(), continued::add);
        registry.apply(OriginRegistry.Source.CONFIG, List.of(origin("a"), origin("b"), origin("c")));
        ownedNow.add("b"); // owned, its migration's reassign not run yet: not running here either

        List<List<String>> seen = new ArrayList<>();
        registry.withUnscheduled(seen::add);
        assertThat(seen).containsExactly(List.of("b", "c"));
    }

    @Test
    void standaloneStartsEveryOriginOnApply() {
        registry.apply(OriginRegistry.Source.CONFIG, List.of(origin("a"), origin("b")));
        assertThat(scheduled).containsExactlyInAnyOrder("a", "b");
        assertThat(registry.owned()).isEqualTo(2);
    }
}
