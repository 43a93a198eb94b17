package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.originwatch.alert.AlertDispatcher;
import io.originwatch.alert.AlertPolicy;
import io.originwatch.classify.Cause;
import io.originwatch.handover.SnapshotCodec;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reading the owners' snapshots when a member does not answer (frozen, or cut off and not yet
 * declared dead): the API and the console show this member's own state after the display deadline
 * instead of waiting for Hazelcast, and a take-over still waits for its snapshot, which decides who
 * pages. (The store is a fake that blocks until told; StateHandoverClusterTest runs Hazelcast.)
 */
class StateHandoverReadTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private final Origin origin = new Origin(
            ProbeBuilder.verdict("shop", Cause.OK, Instant.now()).result().spec(),
            Duration.ofSeconds(10),
            Map.of(),
            "config");
    /** This member's state of the origin: never probed here. */
    private final OriginState here = new OriginState(origin);

    private final byte[] ownersSnapshot = ownersSnapshot();
    private final BlockingStore store = new BlockingStore();
    private final AlertDispatcher alerts =
            new AlertDispatcher(AlertPolicy.DEFAULT, List.of(), Clock.systemUTC(), Duration.ofMinutes(1));

    @Test
    void aDisplayReadPastTheDeadlineShowsThisMembersStateAndNoFurtherReadWaitsUntilItReturns() {
        StateHandover handover = handover(Duration.ofMillis(100));

        assertTimeoutPreemptively(HANG_GUARD, () -> handover.refresh(List.of("shop")));
        await().atMost(HANG_GUARD).until(() -> store.entered.getCount() == 0);
        assertThat(store.calls).as("the one read, still blocked in the store").hasValue(1);
        assertThat(here.latest()).as("this member's own state is shown").isEmpty();

        assertTimeoutPreemptively(HANG_GUARD, () -> handover.refresh(List.of("shop")));
        assertThat(store.calls).as("no second read while the first one is out").hasValue(1);

        store.gate.countDown();
        await().atMost(HANG_GUARD).untilAsserted(() -> {
            handover.refresh(List.of("shop"));
            assertThat(here.latest()).isPresent();
        });
        assertThat(here.latest().orElseThrow().verdict().cause())
                .as("once the member answers again, the owner's result is shown")
                .isEqualTo(Cause.CONNECTION_REFUSED);
        assertThat(store.calls).as("reads resumed").hasValueGreaterThan(1);
    }

    @Test
    void aTakeOverWaitsForItsSnapshotPastTheDisplayDeadline() throws Exception {
        StateHandover handover = handover(Duration.ofNanos(1));
        Thread answer = Thread.ofPlatform().start(() -> {
            try {
                store.entered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            store.gate.countDown();
        });

        StateHandover.Continued c = assertTimeoutPreemptively(HANG_GUARD, () -> handover.gained(List.of("shop")));
        answer.join();

        assertThat(c.continued()).as("continued from the owner's snapshot").isEqualTo(1);
        assertThat(here.latest().orElseThrow().verdict().cause()).isEqualTo(Cause.CONNECTION_REFUSED);
    }

    private StateHandover handover(Duration deadline) {
        return new StateHandover(
                store,
                n -> n.equals("shop") ? Optional.of(here) : Optional.empty(),
                () -> ELSEWHERE,
                alerts,
                StateHandover.Evidence.NONE,
                deadline);
    }

    /** What the owner published after its probe failed. */
    private byte[] ownersSnapshot() {
        OriginState owners = new OriginState(origin);
        Probes.record(owners, new ProbeRecord(ProbeBuilder.verdict("shop", Cause.CONNECTION_REFUSED, Instant.now())));
        try {
            return SnapshotCodec.encode(owners.snapshot(null, false).orElseThrow());
        } catch (SnapshotCodec.Refused e) {
            throw new AssertionError(e);
        }
    }

    /** Another member owns every origin. */
    private static final Ownership ELSEWHERE = new Ownership() {
        @Override
        public boolean owns(String origin) {
            return false;
        }

        @Override
        public Optional<String> ownerOf(String origin) {
            return Optional.of("127.0.0.1:5702");
        }

        @Override
        public int members() {
            return 2;
        }

        @Override
        public boolean quorum() {
            return true;
        }
    };

    /** Answers the owner's snapshot once {@link #gate} opens, as Hazelcast does once the owner answers. */
    private final class BlockingStore implements SnapshotStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void put(String origin, byte[] snapshot) {}

        @Override
        public Map<String, byte[]> getAll(Collection<String> origins) {
            calls.incrementAndGet();
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Map.of();
            }
            return Map.of("shop", ownersSnapshot);
        }
    }
}
