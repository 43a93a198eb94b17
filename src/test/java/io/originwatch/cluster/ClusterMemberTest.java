package io.originwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.config.ClusterSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ownership with three real Hazelcast members in this JVM on loopback ports: every origin is owned
 * by exactly one member, and a member that leaves or crashes hands all of its origins to the others.
 */
class ClusterMemberTest {

    private static final List<String> ORIGINS =
            IntStream.range(0, 60).mapToObj(i -> "origin-" + i).toList();
    private static final Duration SETTLED = Duration.ofSeconds(30);

    private final List<ClusterMember> members = new ArrayList<>();
    private final AtomicInteger changes = new AtomicInteger();

    @BeforeEach
    void startThree() throws IOException {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            addresses.add("127.0.0.1:" + freePort());
        }
        for (String address : addresses) {
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            ClusterSettings settings = new ClusterSettings(
                    true, "test-" + addresses.get(0), "127.0.0.1", port, addresses, Optional.empty(), 2);
            members.add(ClusterMember.start(settings, changes::incrementAndGet));
        }
        await().atMost(SETTLED).until(() -> members.stream().allMatch(m -> m.members() == 3));
    }

    @AfterEach
    void stopAll() {
        members.forEach(m -> {
            try {
                m.terminate();
            } catch (RuntimeException e) {
                // already stopped by the test
            }
        });
    }

    @Test
    void everyOriginIsOwnedByExactlyOneMemberAndEveryMemberTakesAShare() {
        await().atMost(SETTLED).untilAsserted(() -> assertOwnedOnceBy(members));
        for (ClusterMember m : members) {
            assertThat(ORIGINS.stream().filter(m::owns).count())
                    .as("origins owned by %s", m.self())
                    .isPositive();
            assertThat(m.memberAddresses()).hasSize(3).contains(m.self());
        }
        String owner = members.stream()
                .filter(m -> m.owns("origin-7"))
                .findFirst()
                .orElseThrow()
                .self();
        assertThat(members).allSatisfy(m -> assertThat(m.ownerOf("origin-7")).contains(owner));
    }

    @Test
    void aGracefulLeaveHandsItsOriginsToTheOthers() {
        await().atMost(SETTLED).untilAsserted(() -> assertOwnedOnceBy(members));
        ClusterMember leaving = members.remove(0);
        int before = changes.get();
        leaving.shutdown();
        await().atMost(SETTLED).untilAsserted(() -> assertOwnedOnceBy(members));
        assertThat(changes.get()).as("membership/migration events seen").isGreaterThan(before);
        assertThat(members).allSatisfy(m -> assertThat(m.quorum()).isTrue());
    }

    @Test
    void aCrashedMembersOriginsMoveToTheOthers() {
        await().atMost(SETTLED).untilAsserted(() -> assertOwnedOnceBy(members));
        members.remove(0).terminate();
        await().atMost(SETTLED).untilAsserted(() -> assertOwnedOnceBy(members));
    }

    @Test
    void belowMinMembersAMemberOwnsNothing() {
        members.remove(0).terminate();
        members.remove(0).terminate();
        ClusterMember alone = members.get(0);
        await().atMost(SETTLED).until(() -> alone.members() == 1);
        assertThat(alone.quorum()).isFalse();
        assertThat(ORIGINS).noneMatch(alone::owns);
    }

    @Test
    void aMemberSeesWhichOthersRunAnotherOriginSet() {
        Duration ttl = Duration.ofMinutes(1);
        members.get(0).publishOriginSet("30 origins, sha256 aaaa", ttl);
        members.get(1).publishOriginSet("30 origins, sha256 aaaa", ttl);
        members.get(2).publishOriginSet("31 origins, sha256 bbbb", ttl);

        assertThat(members.get(0).originSetsDifferingFrom("30 origins, sha256 aaaa"))
                .containsExactly(java.util.Map.entry(members.get(2).self(), "31 origins, sha256 bbbb"));
        assertThat(members.get(2).originSetsDifferingFrom("31 origins, sha256 bbbb"))
                .containsOnlyKeys(members.get(0).self(), members.get(1).self());

        members.get(2).publishOriginSet("30 origins, sha256 aaaa", ttl);
        assertThat(members.get(0).originSetsDifferingFrom("30 origins, sha256 aaaa"))
                .isEmpty();

        ClusterMember gone = members.remove(2);
        gone.publishOriginSet("1 origins, sha256 cccc", ttl);
        gone.terminate();
        await().atMost(SETTLED).until(() -> members.get(0).members() == 2);
        assertThat(members.get(0).originSetsDifferingFrom("30 origins, sha256 aaaa"))
                .as("a member that is gone is not compared")
                .isEmpty();
    }

    private static void assertOwnedOnceBy(List<ClusterMember> live) {
        for (String origin : ORIGINS) {
            assertThat(live.stream().filter(m -> m.owns(origin)).count())
                    .as("members owning %s", origin)
                    .isEqualTo(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
