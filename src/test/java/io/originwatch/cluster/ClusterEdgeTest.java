package io.originwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import inet.ipaddr.IPAddress;
import io.originwatch.config.ClusterSettings;
import io.originwatch.edge.Fixtures;
import io.originwatch.edge.allowlist.AllowlistDefinition;
import io.originwatch.edge.allowlist.AllowlistListener;
import io.originwatch.edge.allowlist.AllowlistMonitor;
import io.originwatch.edge.allowlist.AllowlistSource;
import io.originwatch.edge.allowlist.AllowlistStatus;
import io.originwatch.edge.cidr.Cidrs;
import io.originwatch.edge.ranges.CloudFrontJsonParser;
import io.originwatch.edge.ranges.EdgeRangeListener;
import io.originwatch.edge.ranges.EdgeRangeService;
import io.originwatch.edge.ranges.EdgeRanges;
import io.originwatch.edge.ranges.Provider;
import io.originwatch.edge.ranges.RangeServer;
import io.originwatch.edge.ranges.RangeSettings;
import io.originwatch.edge.ranges.RefreshOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge ranges in cluster mode with three real Hazelcast members in this JVM on loopback, each with
 * its own range service, cache directory and allowlist monitor, and one counting feed stand-in:
 * only the member owning the edge key fetches and checks, every member serves what it published,
 * a late joiner gets it at once, another member takes over after the fetching one dies, a manual
 * refresh asked of another member runs on the owner, and a payload a member refuses leaves its last
 * good list in force.
 */
class ClusterEdgeTest {

    private static final Duration SETTLED = Duration.ofSeconds(30);

    /** 20 /16s: a list the shrink guard (max 30 %) can be tested against. */
    private static final List<String> FEED =
            IntStream.range(0, 20).mapToObj(i -> "198." + i + ".0.0/16").toList();

    @TempDir
    Path dir;

    private RangeServer feed;
    private final List<String> addresses = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();

    /** An allowlist that counts its reads (a read is a check). */
    static final class CountingAllowlist implements AllowlistSource {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public String describe() {
            return "file:/etc/nginx/cloudflare.conf";
        }

        @Override
        public List<IPAddress> read() {
            reads.incrementAndGet();
            return FEED.subList(0, 18).stream().map(Cidrs::parseOrThrow).toList();
        }
    }

    /** One member: what EdgeRuntime wires in the daemon, with the same calls. */
    final class Node {
        final ClusterMember member;
        final ClusterEdge edge;
        final EdgeRangeService ranges;
        final AllowlistMonitor monitor;
        final CountingAllowlist allowlist = new CountingAllowlist();
        final AtomicInteger refreshesCounted = new AtomicInteger();
        final List<RefreshOutcome> applied = new CopyOnWriteArrayList<>();

        Node(String address, String cache) throws IOException {
            RangeSettings settings = new RangeSettings(
                    Provider.CUSTOM,
                    List.of(feed.url("/ips")),
                    false,
                    CloudFrontJsonParser.DEFAULT_SERVICE,
                    0.3,
                    Files.createDirectories(dir.resolve(cache)),
                    Duration.ofHours(12),
                    Duration.ofSeconds(5));
            ranges = new EdgeRangeService(
                    settings,
                    Fixtures.JSON,
                    new EdgeRangeListener() {
                        @Override
                        public void refreshed(String provider, RefreshOutcome outcome) {
                            refreshesCounted.incrementAndGet();
                        }
                    },
                    Clock.systemUTC());
            ranges.start();
            monitor = new AllowlistMonitor(
                    List.of(new AllowlistDefinition("nginx", allowlist, List.of())),
                    AllowlistListener.NONE,
                    Clock.systemUTC());
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            ClusterSettings cs = new ClusterSettings(
                    true, "edge-" + addresses.get(0), "127.0.0.1", port, List.copyOf(addresses), Optional.empty(), 2);
            Map.Entry<String, Object> handler = ClusterEdge.handlerEntry(this::refreshHere);
            member = ClusterMember.start(cs, () -> {}, Map.of(handler.getKey(), handler.getValue()));
            edge = new ClusterEdge(member);
            edge.follow(s -> applied.add(ClusterEdge.apply(s, ranges, monitor)));
        }

        /** The scheduled slot: only the member that leads fetches and checks. */
        void slot() {
            if (edge.leads()) {
                refreshHere(false);
            }
        }

        synchronized ClusterEdge.RefreshReply refreshHere(boolean force) {
            RefreshOutcome o = ranges.refresh(force);
            if (o instanceof RefreshOutcome.Updated) {
                monitor.check(ranges.current());
            }
            edge.publish(ranges, force, monitor);
            return new ClusterEdge.RefreshReply(member.self(), o.result(), ClusterEdge.detail(o), List.of(), List.of());
        }

        List<String> served() {
            EdgeRanges r = ranges.current();
            return r == null ? List.of() : ClusterEdge.strings(r.all());
        }

        void stop() {
            edge.close();
            member.terminate();
        }
    }

    @BeforeEach
    void startThree() throws IOException {
        feed = new RangeServer().serve("/ips", RangeServer.Script.text(String.join("\n", FEED)));
        for (int i = 0; i < 3; i++) {
            addresses.add("127.0.0.1:" + freePort());
        }
        for (int i = 0; i < 3; i++) {
            nodes.add(new Node(addresses.get(i), "cache-" + i));
        }
        await().atMost(SETTLED).until(() -> nodes.stream().allMatch(n -> n.member.members() == 3));
        settle();
    }

    /** Migrations done: the edge key's owner does not move under a test's slots. */
    private void settle() {
        await().atMost(SETTLED)
                .until(() -> nodes.stream()
                        .allMatch(
                                n -> n.member.hazelcast().getPartitionService().isClusterSafe()));
        await().atMost(SETTLED).until(() -> leaders(nodes).size() == 1);
    }

    @AfterEach
    void stopAll() {
        nodes.forEach(n -> {
            try {
                n.stop();
            } catch (RuntimeException e) {
                // stopped by the test
            }
        });
        feed.close();
    }

    @Test
    void exactlyOneMemberFetchesPerRefreshAndEveryMemberServesTheSameRangesAndDrift() {
        Node leader = leaders(nodes).get(0);
        assertThat(nodes).allSatisfy(n -> assertThat(n.edge.owner()).contains(leader.member.self()));

        nodes.forEach(Node::slot);
        assertThat(feed.conditionsSeen)
                .as("feed requests after one refresh slot on 3 members")
                .hasSize(1);
        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(nodes)
                        .allSatisfy(n -> assertThat(n.served())
                                .as("ranges served by %s", n.member.self())
                                .containsExactlyInAnyOrderElementsOf(FEED)));

        nodes.forEach(Node::slot);
        assertThat(feed.conditionsSeen).as("feed requests after two slots").hasSize(2);
        assertThat(nodes.stream().mapToInt(n -> n.refreshesCounted.get()).sum())
                .as("refreshes counted (metrics) on all members together")
                .isEqualTo(2);
        assertThat(leader.refreshesCounted).hasValue(2);
        assertThat(nodes.stream().filter(n -> n != leader)).allSatisfy(n -> {
            assertThat(n.allowlist.reads)
                    .as("allowlist reads on a member that does not lead")
                    .hasValue(0);
            assertThat(n.refreshesCounted).hasValue(0);
        });
        assertThat(leader.allowlist.reads.get()).isPositive();

        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(nodes).allSatisfy(n -> {
                    List<AllowlistStatus> s = n.monitor.statuses();
                    assertThat(s).hasSize(1);
                    assertThat(s.get(0).state()).isEqualTo(AllowlistStatus.State.DRIFT);
                    assertThat(s.get(0).missing()).map(Object::toString).containsExactly("198.18.0.0/15");
                    assertThat(s.get(0).source()).isEqualTo("file:/etc/nginx/cloudflare.conf");
                }));
        for (Node n : nodes) {
            assertThat(n.ranges.lastRefresh())
                    .get()
                    .extracting(l -> l.outcome().result())
                    .isIn("updated", "unchanged");
            assertThat(n.ranges.current().fetchedAt())
                    .isEqualTo(leader.ranges.current().fetchedAt());
        }
    }

    @Test
    void aMemberThatJoinsLateServesTheCurrentRangesAtOnce() throws IOException {
        nodes.forEach(Node::slot);
        await().atMost(SETTLED)
                .until(() -> nodes.stream().allMatch(n -> n.served().size() == FEED.size()));
        // its port is chosen now: one chosen at the start could have been taken by a connection since
        addresses.add("127.0.0.1:" + freePort());
        Node late = new Node(addresses.get(3), "cache-late");
        nodes.add(late);
        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(late.served()).containsExactlyInAnyOrderElementsOf(FEED));
        assertThat(feed.conditionsSeen).as("the late member fetched nothing").hasSize(1);
        assertThat(late.monitor.statuses()).hasSize(1);
        assertThat(late.allowlist.reads).hasValue(0);
    }

    @Test
    void afterTheFetchingMemberDiesAnotherOneFetchesAtItsNextSlot() {
        nodes.forEach(Node::slot);
        Node first = leaders(nodes).get(0);
        nodes.remove(first);
        first.stop();
        await().atMost(SETTLED).until(() -> nodes.stream().allMatch(n -> n.member.members() == 2));
        settle();
        Node next = leaders(nodes).get(0);
        assertThat(next).isNotSameAs(first);

        List<String> grown = new ArrayList<>(FEED);
        grown.add("203.0.113.0/24");
        feed.serve("/ips", RangeServer.Script.text(String.join("\n", grown)));
        int before = feed.conditionsSeen.size();
        nodes.forEach(Node::slot);
        assertThat(feed.conditionsSeen.size() - before)
                .as("fetches at the next slot")
                .isEqualTo(1);
        assertThat(next.refreshesCounted).hasValue(1);
        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(nodes)
                        .allSatisfy(n -> assertThat(n.served()).containsExactlyInAnyOrderElementsOf(grown)));
    }

    @Test
    void aManualRefreshAskedOfAnotherMemberRunsOnTheOwner() {
        Node leader = leaders(nodes).get(0);
        Node other = nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
        ClusterEdge.RefreshReply reply = other.edge.refreshOnOwner(false, Duration.ofSeconds(20));
        assertThat(reply.ranOn()).isEqualTo(leader.member.self());
        assertThat(reply.result()).isEqualTo("updated");
        assertThat(feed.conditionsSeen).hasSize(1);
        assertThat(leader.refreshesCounted).hasValue(1);
        assertThat(other.refreshesCounted).hasValue(0);
        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(other.served()).containsExactlyInAnyOrderElementsOf(FEED));
    }

    @Test
    void anOwnerWithoutARefreshHandlerIsReportedByName() {
        Node leader = leaders(nodes).get(0);
        leader.member.hazelcast().getUserContext().remove(ClusterEdge.REFRESH_HANDLER);
        Node other = nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
        assertThatThrownBy(() -> other.edge.refreshOnOwner(false, Duration.ofSeconds(20)))
                .isInstanceOf(OwnerUnavailableException.class)
                .hasMessageContaining(leader.member.self())
                .hasMessageContaining("does not refresh edge ranges");
    }

    @Test
    void aPayloadAMemberRefusesKeepsItsLastGoodRanges() {
        nodes.forEach(Node::slot);
        await().atMost(SETTLED)
                .until(() -> nodes.stream().allMatch(n -> n.served().size() == FEED.size()));
        Node leader = leaders(nodes).get(0);
        Node other = nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
        int appliedBefore = other.applied.size();

        // a member (or anything that reaches port 5701) publishes a list of 2 of the 20 blocks, not forced
        ClusterEdge.EdgeState bad = new ClusterEdge.EdgeState(
                "not-a-member",
                "127.0.0.1:1",
                Instant.now(),
                new ClusterEdge.RangesState(
                        "custom", "http://feed/ips", Instant.now(), null, FEED.subList(0, 2), false),
                Instant.now(),
                "updated",
                null,
                List.of());
        other.member.hazelcast().getMap(ClusterEdge.MAP).set(ClusterEdge.KEY, bad);
        await().atMost(SETTLED).until(() -> other.applied.size() > appliedBefore);
        assertThat(other.applied.get(other.applied.size() - 1)).isInstanceOf(RefreshOutcome.Rejected.class);
        assertThat(other.served()).containsExactlyInAnyOrderElementsOf(FEED);

        // not a list at all: refused the same way
        int again = other.applied.size();
        ClusterEdge.EdgeState garbage = new ClusterEdge.EdgeState(
                "not-a-member",
                "127.0.0.1:1",
                Instant.now(),
                new ClusterEdge.RangesState(
                        "custom", "http://feed/ips", Instant.now(), null, List.of("not a CIDR", "0.0.0.0/0"), false),
                Instant.now(),
                "updated",
                null,
                List.of());
        other.member.hazelcast().getMap(ClusterEdge.MAP).set(ClusterEdge.KEY, garbage);
        await().atMost(SETTLED).until(() -> other.applied.size() > again);
        assertThat(((RefreshOutcome.Rejected) other.applied.get(other.applied.size() - 1)).reason())
                .isNotBlank();
        assertThat(other.served()).containsExactlyInAnyOrderElementsOf(FEED);

        // the owner's next refresh puts the good list back in the map; every member keeps serving it
        leader.slot();
        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(nodes)
                        .allSatisfy(n -> assertThat(n.served()).containsExactlyInAnyOrderElementsOf(FEED)));
    }

    private static List<Node> leaders(List<Node> nodes) {
        return nodes.stream().filter(n -> n.edge.leads()).collect(Collectors.toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
