package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.originwatch.app.ClusterRuntime;
import io.originwatch.cluster.ClusterEdge;
import io.originwatch.cluster.ClusterMember;
import io.originwatch.testing.ApiToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge API in cluster mode with one real member: it owns the edge key, so it fetches and checks
 * as standalone does, serves the result, and publishes it (ranges, last refresh, allowlist drift)
 * for the other members in the cluster's map.
 */
@QuarkusTest
@TestProfile(ClusterEdgeApiTest.OneMemberWithEdge.class)
class ClusterEdgeApiTest {

    static final String ADDRESS = "127.0.0.1:" + freePort();

    public static class OneMemberWithEdge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originwatch.cluster.enabled",
                    "true",
                    "originwatch.cluster.name",
                    "edge-api-test",
                    "originwatch.cluster.bind",
                    ADDRESS,
                    "originwatch.cluster.members",
                    ADDRESS);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EdgeTestResource.class));
        }
    }

    @Inject
    ClusterRuntime cluster;

    @BeforeAll
    static void sendToken() {
        ApiToken.sendWithEveryRequest();
    }

    @AfterAll
    static void stopSendingToken() {
        ApiToken.stopSending();
    }

    @Test
    void theOwnerOfTheEdgeKeyFetchesServesAndPublishes() {
        ClusterMember member = cluster.member().orElseThrow();
        ClusterEdge edge = new ClusterEdge(member);
        assertThat(edge.leads()).as("the only member owns the edge key").isTrue();
        assertThat(edge.owner()).contains(member.self());

        given().post("/api/edge/ranges/refresh")
                .then()
                .statusCode(200)
                .body("result", anyOf(equalTo("updated"), equalTo("unchanged")));
        given().get("/api/edge/ranges")
                .then()
                .statusCode(200)
                .body("ipv4", hasItem("104.16.0.0/13"))
                .body("lastRefreshResult", anyOf(equalTo("updated"), equalTo("unchanged")));
        List<String> allowlists =
                given().get("/api/allowlists").then().statusCode(200).extract().path("name");

        // what another member takes: the map entry as this member published it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ClusterEdge.EdgeState s = edge.published().orElseThrow();
            assertThat(s.publisher()).isEqualTo(member.self());
            assertThat(s.ranges().entries()).contains("104.16.0.0/13");
            assertThat(s.ranges().provider()).isEqualTo("custom");
            assertThat(s.lastRefreshResult()).isIn("updated", "unchanged");
            assertThat(s.allowlists())
                    .extracting(ClusterEdge.AllowlistState::name)
                    .containsExactlyElementsOf(allowlists);
        });
        edge.close();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
