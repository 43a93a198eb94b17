package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.alert.AlertDispatcher;
import io.originwatch.alert.AlertPolicy;
import io.originwatch.alert.AlertSink;
import io.originwatch.alert.Backoff;
import io.originwatch.alert.DispatchListener;
import io.originwatch.alert.Notification;
import io.originwatch.alert.SinkWorker;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.cluster.ClusterMember;
import io.originwatch.cluster.Crash;
import io.originwatch.config.ClusterSettings;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.EvidenceStore;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.HarSchema;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.evidence.Redactor;
import io.originwatch.handover.CarriedEvidence;
import io.originwatch.origin.Origin;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.schedule.OriginState;
import io.originwatch.schedule.Probes;
import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * State continuity across a move with three real Hazelcast members in this JVM on loopback: the
 * owner of a failing origin with a firing alert leaves (gracefully, or crashes); the new owner
 * continues from the snapshot the owner published (latest result, streaks, firing alert), sends no
 * second firing on its next bad probes and exactly one resolved on its good ones; a member that
 * does not own the origin shows the owner's latest result. Each member is what the daemon wires in
 * {@link ClusterRuntime}: its member, its origin states, its alert dispatcher with a webhook-like
 * and an Alertmanager-like sink, and its {@link StateHandover}.
 */
class StateHandoverClusterTest {

    private static final String SHOP = "shop";
    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));

    private final List<Node> nodes = new ArrayList<>();
    private Instant clock = Instant.now().minusSeconds(600);

    @BeforeEach
    void startThree() throws IOException {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            addresses.add("127.0.0.1:" + freePort());
        }
        for (String address : addresses) {
            nodes.add(new Node(address, addresses));
        }
        await().atMost(SETTLED).until(() -> nodes.stream().allMatch(n -> n.member.members() == 3));
        await().atMost(SETTLED)
                .until(() -> nodes.stream().filter(n -> n.member.owns(SHOP)).count() == 1);
    }

    @AfterEach
    void stopAll() {
        nodes.forEach(Node::close);
    }

    @Test
    void aGracefulLeaveHandsTheFailingOriginOverWithItsFiringAlert() {
        handOverAfter(Node::leave);
    }

    @Test
    void aCrashHandsTheFailingOriginOverWithItsFiringAlert() {
        handOverAfter(Node::crash);
    }

    private void handOverAfter(Consumer<Node> end) {
        Node owner = owner(nodes);
        for (int i = 0; i < 3; i++) {
            owner.probe(Cause.CONNECTION_REFUSED);
        }
        assertThat(owner.webhook.states()).containsExactly("firing");
        ProbeRecord latest = owner.state().latest().orElseThrow();

        Node viewer = nodes.stream().filter(n -> n != owner).findFirst().orElseThrow();
        await().atMost(SETTLED).untilAsserted(() -> {
            viewer.handover.refresh(List.of(SHOP));
            assertThat(viewer.state().latest().map(ProbeRecord::probedAt)).contains(latest.probedAt());
        });
        assertThat(viewer.state().consecutiveFailures())
                .as("a non-owner shows the owner's streak")
                .isEqualTo(3);
        assertThat(viewer.state().latest().orElseThrow().verdict().result().spec())
                .as("the viewer's own configured spec")
                .isSameAs(viewer.origin.spec());
        assertThat(viewer.alerts.active()).as("a non-owner pages nothing").isEmpty();

        Node next = nextOwnerAfter(owner, end);
        StateHandover.Continued c = next.handover.gained(List.of(SHOP));

        assertThat(c.continued()).isEqualTo(1);
        assertThat(c.firing()).isEqualTo(1);
        OriginState s = next.state();
        assertThat(s.latest().orElseThrow().probedAt()).isEqualTo(latest.probedAt());
        assertThat(s.latest().orElseThrow().verdict().cause()).isEqualTo(Cause.CONNECTION_REFUSED);
        assertThat(s.consecutiveFailures()).isEqualTo(3);
        assertThat(s.lastCauseChange()).isEqualTo(owner.state().lastCauseChange());
        assertThat(next.alerts.active()).singleElement().satisfies(a -> {
            assertThat(a.cause()).isEqualTo(Cause.CONNECTION_REFUSED);
            assertThat(a.startsAt()).isEqualTo(owner.alerts.active().get(0).startsAt());
        });
        await().atMost(SETTLED).until(() -> next.alertmanager.states().contains("firing"));

        next.probe(Cause.CONNECTION_REFUSED);
        next.probe(Cause.CONNECTION_REFUSED);
        assertThat(next.state().consecutiveFailures())
                .as("the streak counts on")
                .isEqualTo(5);
        assertThat(next.alerts.saved(SHOP).orElseThrow().failures()).isEqualTo(5);
        next.probe(Cause.OK);
        assertThat(next.webhook.states())
                .as("no second firing, no resolve after one good probe")
                .isEmpty();
        next.probe(Cause.OK);
        await().atMost(SETTLED).until(() -> next.webhook.states().size() == 1);
        assertThat(next.webhook.states()).containsExactly("resolved");
        assertThat(owner.webhook.states())
                .as("the old owner sent one firing, nothing else")
                .containsExactly("firing");
        assertThat(nodes.stream().filter(n -> n != next).flatMap(n -> n.webhook.states().stream()))
                .as("the third member sent nothing")
                .isEmpty();
    }

    /**
     * A member that probed the origin after the owner's last snapshot (a frozen member resuming, its
     * Quartz firing the missed run before it sees it lost the origin) has the newer result, and has
     * forgotten its alert state since: when it takes the origin back it keeps its result but takes the
     * owner's alert state, so it does not page the origin again.
     */
    @Test
    void aMemberWithANewerOwnResultStillTakesTheOwnersAlertState() {
        Node owner = owner(nodes);
        for (int i = 0; i < 3; i++) {
            owner.probe(Cause.CONNECTION_REFUSED);
        }
        assertThat(owner.webhook.states()).containsExactly("firing");
        Instant startsAt = owner.alerts.active().get(0).startsAt();

        Node next = nextOwnerAfter(owner, Node::crash);
        clock = clock.plusSeconds(10);
        Probes.record(next.state, new ProbeRecord(ProbeBuilder.verdict(SHOP, Cause.CONNECTION_REFUSED, clock)));
        Instant own = next.state().latest().orElseThrow().probedAt();

        StateHandover.Continued c = next.handover.gained(List.of(SHOP));

        assertThat(c.firing()).isEqualTo(1);
        assertThat(next.state().latest().orElseThrow().probedAt())
                .as("its own newer result stays")
                .isEqualTo(own);
        assertThat(next.alerts.active())
                .singleElement()
                .satisfies(a -> assertThat(a.startsAt()).isEqualTo(startsAt));
        for (int i = 0; i < 3; i++) {
            next.probe(Cause.CONNECTION_REFUSED);
        }
        assertThat(next.webhook.states()).as("no second firing").isEmpty();
    }

    @Test
    void theLosingMemberForgetsTheAlertWithoutAResolve() {
        Node owner = owner(nodes);
        owner.probe(Cause.CONNECTION_REFUSED);
        owner.probe(Cause.CONNECTION_REFUSED);
        assertThat(owner.alerts.active()).hasSize(1);
        owner.handover.lost(List.of(SHOP));
        assertThat(owner.alerts.active()).isEmpty();
        owner.alerts.resendActive();
        assertThat(owner.webhook.states()).containsExactly("firing");
    }

    @Test
    void theNewOwnerServesTheOldOwnersFailingHarUntilItsOwnProbeFails() throws Exception {
        Node owner = owner(nodes);
        owner.probe(Cause.OK);
        owner.probe(Cause.CONNECTION_REFUSED);
        owner.probe(Cause.CONNECTION_REFUSED);
        Captured failing = owner.evidence.get(SHOP).orElseThrow().directFailing();
        String startedAt = startedDateTime(owner.json(failing));

        Node viewer = nodes.stream().filter(n -> n != owner).findFirst().orElseThrow();
        await().atMost(SETTLED).untilAsserted(() -> {
            viewer.handover.refresh(List.of(SHOP));
            assertThat(viewer.hars.failing(SHOP).map(CarriedEvidence::probedAt))
                    .as("a non-owner serves the owner's failing HAR")
                    .contains(failing.probedAt());
        });

        Node next = nextOwnerAfter(owner, Node::crash);
        assertThat(next.evidence.get(SHOP))
                .as("the new owner has probed nothing")
                .isEmpty();
        assertThat(next.handover.gained(List.of(SHOP)).continued()).isEqualTo(1);

        CarriedEvidence carried = next.hars.failing(SHOP).orElseThrow();
        assertThat(carried.probedAt()).isEqualTo(failing.probedAt());
        assertThat(carried.cause()).isEqualTo("connection_refused");
        assertThat(startedDateTime(carried.har()))
                .as("the old owner's probe, as the old owner renders it")
                .isEqualTo(startedAt);
        assertThat(carried.har()).isEqualTo(owner.json(failing));
        assertThat(HarSchema.errors(carried.har())).isEmpty();

        next.probe(Cause.OK);
        assertThat(next.hars.failing(SHOP))
                .as("a good probe keeps the carried failing HAR")
                .isPresent();
        next.probe(Cause.CONNECTION_REFUSED);
        assertThat(next.hars.failing(SHOP))
                .as("its own failing probe is served now")
                .isEmpty();
        assertThat(next.evidence.get(SHOP).orElseThrow().directFailing().probedAt())
                .isAfter(failing.probedAt());
    }

    private static String startedDateTime(byte[] har) throws IOException {
        return HarSchema.MAPPER
                .readTree(har)
                .path("log")
                .path("entries")
                .path(0)
                .path("startedDateTime")
                .asText();
    }

    /** Ends {@code owner} ({@link Node#leave} or {@link Node#crash}); the member that owns the origin once the other two agree. */
    private Node nextOwnerAfter(Node owner, Consumer<Node> end) {
        nodes.remove(owner);
        end.accept(owner);
        await().atMost(SETTLED).until(() -> nodes.stream().allMatch(n -> n.member.members() == 2));
        await().atMost(SETTLED)
                .until(() -> nodes.stream().filter(n -> n.member.owns(SHOP)).count() == 1);
        return owner(nodes);
    }

    private Node owner(List<Node> live) {
        return live.stream().filter(n -> n.member.owns(SHOP)).findFirst().orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** One member as the daemon wires it. */
    private final class Node {
        final ClusterMember member;
        final Origin origin;
        final OriginState state;
        final Recording webhook = new Recording("webhook", false);
        final Recording alertmanager = new Recording("alertmanager", true);
        final AlertDispatcher alerts;
        final StateHandover handover;
        final EvidenceStore evidence = new EvidenceStore();
        final HarBuilder builder = new HarBuilder("test", Redactor.defaults());
        final CarriedHars hars = new CarriedHars(evidence, this::json);
        private boolean closed;

        Node(String address, List<String> addresses) {
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            member = ClusterMember.start(
                    new ClusterSettings(
                            true, "handover-" + addresses.get(0), "127.0.0.1", port, addresses, Optional.empty(), 2),
                    () -> {});
            origin = new Origin(
                    ProbeBuilder.verdict(SHOP, Cause.OK, Instant.now()).result().spec(),
                    Duration.ofSeconds(10),
                    Map.of("team", "web"),
                    "config");
            state = new OriginState(origin);
            alerts = new AlertDispatcher(
                    AlertPolicy.DEFAULT,
                    List.of(worker(webhook), worker(alertmanager)),
                    Clock.systemUTC(),
                    AlertDispatcher.DEFAULT_RESEND_INTERVAL);
            alerts.start();
            handover = new StateHandover(
                    member.snapshots(),
                    name -> name.equals(SHOP) ? Optional.of(state) : Optional.empty(),
                    () -> member,
                    alerts,
                    hars);
        }

        byte[] json(Captured c) {
            return HarSchema.JSON.bytes(c.har(builder));
        }

        OriginState state() {
            return state;
        }

        /** One probe as the daemon records it: state, alert tracker, evidence, then the snapshot. */
        void probe(Cause cause) {
            clock = clock.plusSeconds(10);
            Verdict v = ProbeBuilder.verdict(SHOP, cause, clock);
            Probes.record(state, new ProbeRecord(v));
            alerts.probeCompleted(SHOP, origin.labels(), v);
            evidence.recordDirect(SHOP, new Captured(v, ProbeKind.DIRECT));
            handover.recorded(SHOP, false);
            // the sinks' workers deliver asynchronously: wait until what the tracker sent arrived
            await().atMost(SETTLED).until(() -> webhook.pendingDelivered(alerts));
        }

        void leave() {
            closed = true;
            alerts.close();
            member.shutdown();
        }

        void crash() {
            closed = true;
            alerts.close();
            Crash.terminate(member);
        }

        void close() {
            if (!closed) {
                alerts.close();
                try {
                    Crash.terminate(member);
                } catch (RuntimeException e) {
                    // already stopped
                }
            }
        }

        private SinkWorker worker(AlertSink sink) {
            return new SinkWorker(sink, 100, FAST, new DispatchListener() {});
        }
    }

    /** Records what it is given; an Alertmanager stand-in when {@code resends}. */
    private static final class Recording implements AlertSink {
        private final String name;
        private final boolean resends;
        private final List<Notification> sent = new CopyOnWriteArrayList<>();

        Recording(String name, boolean resends) {
            this.name = name;
            this.resends = resends;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(Notification n) {
            sent.add(n);
        }

        @Override
        public boolean resendsActive() {
            return resends;
        }

        List<String> states() {
            return sent.stream().map(n -> n.state().label()).toList();
        }

        boolean pendingDelivered(AlertDispatcher d) {
            return d.workers().stream().allMatch(w -> w.queueDepth() == 0);
        }
    }
}
