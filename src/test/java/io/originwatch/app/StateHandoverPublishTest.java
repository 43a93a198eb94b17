package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.alert.AlertDispatcher;
import io.originwatch.alert.AlertPolicy;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.handover.SnapshotStore;
import io.originwatch.origin.Origin;
import io.originwatch.origin.Ownership;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.schedule.OriginState;
import io.originwatch.schedule.Probes;
import io.originwatch.testing.ProbeBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the owner publishes a snapshot: after every probe of a failing or alerting origin and while
 * successes count towards the threshold; a healthy origin in a steady state not on every probe.
 * (The store is a list here: what is published is the point, not Hazelcast, which
 * StateHandoverClusterTest runs for real.)
 */
class StateHandoverPublishTest {

    private final List<String> puts = new ArrayList<>();
    private final SnapshotStore store = new SnapshotStore() {
        @Override
        public void put(String origin, byte[] snapshot) {
            puts.add(origin);
        }

        @Override
        public Map<String, byte[]> getAll(Collection<String> origins) {
            return Map.of();
        }
    };
    private final Origin origin = new Origin(
            ProbeBuilder.verdict("shop", Cause.OK, Instant.now()).result().spec(),
            Duration.ofSeconds(10),
            Map.of(),
            "config");
    private final OriginState state = new OriginState(origin);
    private final AlertDispatcher alerts =
            new AlertDispatcher(AlertPolicy.DEFAULT, List.of(), Clock.systemUTC(), Duration.ofMinutes(1));
    private final StateHandover handover =
            new StateHandover(store, n -> Optional.of(state), () -> Ownership.STANDALONE, alerts);
    private Instant at = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void everyProbeOfAFailingOriginIsPublishedAndASteadyHealthyOneIsNot() {
        for (int i = 0; i < 10; i++) {
            probe(Cause.OK);
        }
        assertThat(puts).as("the first, then successes up to the threshold (2)").hasSize(2);
        for (int i = 0; i < 5; i++) {
            probe(Cause.CONNECTION_REFUSED);
        }
        assertThat(puts).as("every failing probe").hasSize(7);
        probe(Cause.OK);
        probe(Cause.OK);
        assertThat(puts).as("the successes that resolve").hasSize(9);
        probe(Cause.OK);
        assertThat(puts).as("healthy again, past the threshold").hasSize(9);
        handover.lost(List.of("shop"));
        probe(Cause.OK);
        assertThat(puts).as("owned again: the first probe publishes").hasSize(10);
    }

    private void probe(Cause cause) {
        at = at.plusSeconds(10);
        Verdict v = ProbeBuilder.verdict("shop", cause, at);
        Probes.record(state, new ProbeRecord(v));
        alerts.probeCompleted("shop", Map.of(), v);
        handover.recorded("shop", false);
    }
}
