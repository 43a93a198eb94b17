package io.originwatch.schedule;

import static io.originwatch.schedule.ProbeRunnerTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.origin.Origin;
import io.originwatch.origin.ViaEdgeDropped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Applying a source touches the scheduler once per kind of change (not once per origin), and only
 * for origins whose trigger changes: a reload that relabels origins does not reschedule them.
 */
class OriginRegistryBatchingTest {

    private final OriginRegistry registry = new OriginRegistry();
    private final List<List<String>> scheduleCalls = new ArrayList<>();
    private final List<List<String>> unscheduleCalls = new ArrayList<>();

    OriginRegistryBatchingTest() {
        registry.scheduler = new ProbeScheduler() {
            @Override
            public void scheduleAll(Collection<Origin> origins) {
                if (!origins.isEmpty()) {
                    scheduleCalls.add(origins.stream().map(Origin::name).toList());
                }
            }

            @Override
            public void unscheduleAll(Collection<String> names) {
                if (!names.isEmpty()) {
                    unscheduleCalls.add(List.copyOf(names));
                }
            }
        };
        registry.removedEvent = new ProbeRunnerTest.Recording<>(e -> {});
        registry.viaEdgeDroppedEvent = new ProbeRunnerTest.Recording<ViaEdgeDropped>(e -> {});
    }

    private static Origin origin(String name, int intervalSeconds, Map<String, String> labels) {
        return new Origin(spec(name), Duration.ofSeconds(intervalSeconds), labels, "test");
    }

    private static List<Origin> origins(int from, int to, int intervalSeconds, Map<String, String> labels) {
        return IntStream.range(from, to)
                .mapToObj(i -> origin("o" + i, intervalSeconds, labels))
                .toList();
    }

    @Test
    void startingTenThousandOriginsIsOneSchedulerCall() {
        OriginRegistry.Change c = registry.apply(OriginRegistry.Source.FILE, origins(0, 10_000, 10, Map.of()));

        assertThat(c.added()).isEqualTo(10_000);
        assertThat(scheduleCalls).hasSize(1);
        assertThat(scheduleCalls.getFirst()).hasSize(10_000);
        assertThat(unscheduleCalls).isEmpty();
        assertThat(registry.owned()).isEqualTo(10_000);
    }

    @Test
    void aReloadSchedulesTheAddedRemovesTheGoneAndLeavesRelabelledOriginsAlone() {
        registry.apply(OriginRegistry.Source.FILE, origins(0, 1_000, 10, Map.of()));
        scheduleCalls.clear();

        // 10 removed (o0-o9), 10 added (o1000-o1009), all the rest relabelled
        OriginRegistry.Change c =
                registry.apply(OriginRegistry.Source.FILE, origins(10, 1_010, 10, Map.of("reload", "1")));

        assertThat(c).isEqualTo(new OriginRegistry.Change(10, 10, 990, 0));
        assertThat(scheduleCalls)
                .containsExactly(
                        IntStream.range(1_000, 1_010).mapToObj(i -> "o" + i).toList());
        assertThat(unscheduleCalls).hasSize(1);
        assertThat(unscheduleCalls.getFirst())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 10).mapToObj(i -> "o" + i).toList());
        assertThat(registry.owned()).isEqualTo(1_000);
        assertThat(registry.scheduledHere("o0")).isFalse();
        assertThat(registry.scheduledHere("o1009")).isTrue();
        assertThat(registry.state("o500").orElseThrow().origin().labels()).containsEntry("reload", "1");
    }

    @Test
    void aNewIntervalReplacesTheTriggerInOneCallWithoutUnschedulingFirst() {
        registry.apply(OriginRegistry.Source.FILE, origins(0, 100, 10, Map.of()));
        scheduleCalls.clear();

        List<Origin> next = new ArrayList<>(origins(0, 100, 10, Map.of()));
        next.set(3, origin("o3", 30, Map.of()));
        next.set(7, origin("o7", 5, Map.of()));
        OriginRegistry.Change c = registry.apply(OriginRegistry.Source.FILE, next);

        assertThat(c.changed()).isEqualTo(2);
        assertThat(scheduleCalls).containsExactly(List.of("o3", "o7"));
        // replaced in place (scheduleJobs with replace), never deleted and re-added: no gap
        assertThat(unscheduleCalls).isEmpty();
        assertThat(registry.scheduledHere("o3")).isTrue();
    }
}
