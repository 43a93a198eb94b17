package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.originwatch.cluster.ClusterMember;
import io.originwatch.cluster.ClusterTasks;
import io.originwatch.config.ClusterSettings;
import io.originwatch.testing.ApiToken;
import io.originwatch.testing.ExampleAreaConfig;
import io.originwatch.testing.FakeOriginsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/origins/{name}/probe} in cluster mode, mapped by the daemon: the daemon is one
 * member, and the test runs a second member in this JVM whose probe handler answers as an owner
 * would. A probe of an origin the test's member owns is sent there, and the daemon answers with the
 * owner's status, body and Retry-After; an owner that fails is a 503 naming it; an origin the daemon
 * owns is probed by the daemon itself.
 */
@QuarkusTest
@TestProfile(ForwardedProbeApiTest.TwoMembers.class)
class ForwardedProbeApiTest {

    static final String ADDRESS = "127.0.0.1:" + freePort();
    static final int EXTRA_ORIGINS = 15;

    @Inject
    ExampleAreaConfig otherArea;

    private static ClusterMember peer;
    private static final List<String> askedOfPeer = new CopyOnWriteArrayList<>();
    private static volatile ClusterTasks.Answer peerAnswer;

    public static class TwoMembers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>(Map.of(
                    "originwatch.cluster.enabled", "true",
                    "originwatch.cluster.name", "forward-test",
                    "originwatch.cluster.bind", ADDRESS,
                    "originwatch.cluster.members", ADDRESS,
                    "originwatch.cluster.min-members", "1"));
            // enough origins that the second member surely owns some (FakeOriginsResource has 5)
            for (int i = 0; i < EXTRA_ORIGINS; i++) {
                c.put("originwatch.origins[" + (5 + i) + "].name", "extra-" + i);
                c.put("originwatch.origins[" + (5 + i) + "].url", "http://127.0.0.1:9/extra-" + i);
                c.put("originwatch.origins[" + (5 + i) + "].interval", "1h");
            }
            return c;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOriginsResource.class));
        }
    }

    @BeforeAll
    static void sendToken() {
        ApiToken.sendWithEveryRequest();
    }

    /** Once, before the first test (RestAssured knows the daemon's port only from here on). */
    @BeforeEach
    void joinASecondMember() {
        if (peer != null) {
            return;
        }
        String daemon = given().get("/api/cluster").then().extract().path("self");
        int port = freePort();
        ClusterSettings settings = new ClusterSettings(
                true, "forward-test", "127.0.0.1", port, List.of(daemon, "127.0.0.1:" + port), Optional.empty(), 1);
        Map.Entry<String, Object> handler = ClusterTasks.handlerEntry(name -> {
            askedOfPeer.add(name);
            ClusterTasks.Answer a = peerAnswer;
            if (a == null) {
                throw new IllegalStateException("the test's member refuses " + name);
            }
            return a;
        });
        peer = ClusterMember.start(settings, () -> {}, Map.of(handler.getKey(), handler.getValue()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/cluster")
                        .then()
                        .extract()
                        .path("members.size()")
                        .equals(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> ClusterTasks.settled(peer));
    }

    @AfterAll
    static void stop() {
        ApiToken.stopSending();
        if (peer != null) {
            peer.shutdown();
        }
    }

    private static String originOwnedByPeer() {
        List<String> names = given().get("/api/origins").then().extract().path("name");
        return names.stream().filter(peer::owns).findFirst().orElseThrow();
    }

    @Test
    void aProbeOfAnOriginAnotherMemberOwnsAnswersWithTheOwnersResult() {
        String name = originOwnedByPeer();
        String body = "{\"name\":\"" + name + "\",\"cause\":\"ok\",\"up\":true,\"owner\":\"" + peer.self() + "\"}";
        peerAnswer = new ClusterTasks.Answer(200, body, 0, peer.self());
        int before = askedOfPeer.size();
        String answered = given().post("/api/origins/" + name + "/probe")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        assertThat(answered).isEqualTo(body);
        assertThat(askedOfPeer.subList(before, askedOfPeer.size())).containsExactly(name);
    }

    @Test
    void theOwnersRefusalComesBackWithItsStatusAndRetryAfter() {
        String name = originOwnedByPeer();
        peerAnswer = new ClusterTasks.Answer(
                429,
                "{\"error\":\"probe_cooldown\",\"detail\":\"" + ProbeCooldown.detail(name, 7) + "\"}",
                7,
                peer.self());
        given().post("/api/origins/" + name + "/probe")
                .then()
                .statusCode(429)
                .header("Retry-After", "7")
                .body("error", equalTo("probe_cooldown"));
    }

    @Test
    void anOwnerThatFailsIsA503NamingIt() {
        String name = originOwnedByPeer();
        peerAnswer = null;
        given().post("/api/origins/" + name + "/probe")
                .then()
                .statusCode(503)
                .body("error", equalTo("owner_unavailable"))
                .body("detail", containsString(peer.self()))
                .body("detail", containsString("the test's member refuses " + name));
    }

    @Test
    void anOriginThisMemberOwnsIsProbedHere() {
        List<String> names = given().get("/api/origins").then().extract().path("name");
        // an hourly origin (its first run falls somewhere in the hour): no scheduled probe of it is in
        // flight, which would answer 409, where "broken" or "ok" are probed every second
        String name = names.stream()
                .filter(n -> n.startsWith("extra-") && !peer.owns(n))
                .findFirst()
                .orElseThrow();
        int before = askedOfPeer.size();
        String self = given().get("/api/cluster").then().extract().path("self");
        given().post("/api/origins/" + name + "/probe")
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("owner", equalTo(self));
        assertThat(askedOfPeer).hasSize(before);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
