package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cluster mode wired end to end with one real member on loopback: API, owner field, metrics, readiness. */
@QuarkusTest
@TestProfile(ClusterApiTest.OneMember.class)
class ClusterApiTest {

    @BeforeAll
    static void sendToken() {
        ApiToken.sendWithEveryRequest();
    }

    @AfterAll
    static void stopSendingToken() {
        ApiToken.stopSending();
    }

    /** Chosen once per class loader: the profile's copy is the one configured. */
    static final String ADDRESS = "127.0.0.1:" + freePort();

    /** FakeOriginsResource sets a key of this test-only mapping; injecting it registers the mapping. */
    @Inject
    ExampleAreaConfig otherArea;

    public static class OneMember implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originwatch.cluster.enabled",
                    "true",
                    "originwatch.cluster.name",
                    "api-test",
                    "originwatch.cluster.bind",
                    ADDRESS,
                    "originwatch.cluster.members",
                    ADDRESS);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOriginsResource.class));
        }
    }

    @Test
    void clusterEndpointHasTheIssuesShape() {
        given().get("/api/cluster")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("name", equalTo("api-test"))
                .body("self", matchesPattern("127\\.0\\.0\\.1:\\d+"))
                .body("quorum", equalTo(true))
                .body("members.size()", equalTo(1))
                .body("members[0].address", equalTo(self()))
                .body("members[0].self", equalTo(true))
                .body("members[0].origins", equalTo(5));
    }

    @Test
    void everyOriginNamesItsOwner() {
        List<String> owners =
                given().get("/api/origins").then().statusCode(200).extract().path("owner");
        assertThat(owners).hasSize(5).containsOnly(self());
    }

    @Test
    void clusterGaugesAreExportedAndTheSingleMemberProbesAndIsReady() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(metrics())
                        .contains(
                                "originwatch_cluster_members 1.0",
                                "originwatch_cluster_quorum 1.0",
                                "originwatch_cluster_owned_origins 5.0",
                                "originwatch_origin_up{origin=\"ok\"} 1.0"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theConsoleOverviewShowsTheMembersAndQuorum() {
        String html = given().get("/ui").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"health-cluster\"");
        assertThat(at).as("the overview's own-health panel has a cluster line").isPositive();
        assertThat(html.substring(at, html.indexOf("</dd>", at)))
                .contains("api-test: ")
                .contains(">quorum<")
                .contains("1 member(s)")
                .contains(self() + " (this member): 5 origin(s)");
    }

    private static String metrics() {
        return given().accept("text/plain; version=0.0.4; charset=utf-8")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .replace(",}", "}"); // the 0.0.4 writer ends label sets with a comma
    }

    /** The member's address; the profile's port is chosen in another class loader, so read it back. */
    private static String self() {
        return given().get("/api/cluster").then().extract().path("self");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
