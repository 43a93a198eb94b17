package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.originwatch.testing.ApiToken;
import io.originwatch.testing.ExampleAreaConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/origins/{name}/vantages} against loopback peer stand-ins ({@link PeerStandIns}):
 * one answering peer, a silent one, one answering 500, one answering HTML and one stalling its body.
 * Only the answering peer's verdict counts; the others are unknown, never down.
 */
@QuarkusTest
@TestProfile(VantagesApiTest.FivePeers.class)
class VantagesApiTest {

    /** FakeOriginsResource sets a key of this test-only mapping; injecting it registers the mapping. */
    @Inject
    ExampleAreaConfig otherArea;

    public static class FivePeers implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PeerStandIns.class));
        }
    }

    @BeforeAll
    static void sendToken() {
        ApiToken.sendWithEveryRequest();
    }

    @AfterAll
    static void stopSendingToken() {
        ApiToken.stopSending();
    }

    @Test
    void twoVantagesSeeingTheOriginDownMakeTheQuorumDownAndTheRestAreUnknown() {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        !"pending".equals(given().get("/api/origins/broken").path("cause")));
        JsonPath body = vantages("broken");
        assertThat(body.getString("origin")).isEqualTo("broken");
        assertThat(body.getString("vantage")).isEqualTo("eu");
        assertThat(body.getInt("required")).isEqualTo(2);
        assertThat(body.getString("outcome")).isEqualTo("down");
        assertThat(body.getMap("counts")).isEqualTo(Map.of("up", 0, "down", 2, "pending", 0, "unknown", 4));
        assertThat(body.getList("vantages.vantage")).containsExactly("eu", "us", "ap", "sa", "af", "me");
        assertThat(body.getList("vantages.self")).containsExactly(true, false, false, false, false, false);
        assertThat(body.getList("vantages.state"))
                .containsExactly("down", "down", "unknown", "unknown", "unknown", "unknown");
        Map<String, Object> us = body.getMap("vantages[1]");
        assertThat(us).containsEntry("cause", "unexpected_status").containsEntry("probedAt", "2026-12-01T10:00:00Z");
        assertThat(body.getString("vantages[0].cause"))
                .isEqualTo(given().get("/api/origins/broken").path("cause"));
        assertThat(body.getString("vantages[2].reason")).isEqualTo("no answer within 2000 ms");
        assertThat(body.getString("vantages[3].reason")).isEqualTo("the peer answered HTTP 500");
        assertThat(body.getString("vantages[4].reason")).isEqualTo("the answer is not JSON");
        assertThat(body.getString("vantages[5].reason")).isEqualTo("no answer within 2000 ms");
        assertThat(body.getList("vantages.reason").get(1)).isNull();
    }

    @Test
    void oneVantageUpAndTheUnknownOnesUndecidedIsNoOutcome() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !"pending".equals(given().get("/api/origins/ok").path("cause")));
        JsonPath body = vantages("ok");
        assertThat(body.getList("vantages.state")).startsWith("up", "up");
        // 0 down + 4 unknown could still reach 2: the quorum says nothing rather than up
        assertThat(body.getString("outcome")).isEqualTo("unknown");
    }

    @Test
    void aPendingOriginIsPendingHereAndAtThePeer() {
        JsonPath body = vantages("later");
        assertThat(body.getList("vantages.state")).startsWith("pending", "pending");
        assertThat(body.getString("vantages[0].cause")).isEqualTo("pending");
        assertThat(body.getString("vantages[0].probedAt")).isNull();
    }

    @Test
    void anOriginThePeerDoesNotKnowIsUnknownThere() {
        JsonPath body = vantages("manual");
        assertThat(body.getString("vantages[1].state")).isEqualTo("unknown");
        assertThat(body.getString("vantages[1].reason")).isEqualTo("the peer has no origin manual (HTTP 404)");
    }

    @Test
    void peersAreAskedConcurrentlySoHangingPeersCostOneTimeoutNotOneEach() {
        long started = System.nanoTime();
        vantages("slow");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // two peers hang for the full 2 s timeout each: asked one after the other that is 4 s or more
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isLessThan(Duration.ofMillis(3900));
    }

    @Test
    void anUnknownOriginIs404AndTheOriginItselfStillAnswers() {
        given().get("/api/origins/nosuch/vantages").then().statusCode(404).body("error", equalTo("unknown_origin"));
        given().get("/api/origins/ok").then().statusCode(200).body("name", equalTo("ok"));
    }

    @Test
    void theVantageIsExportedAsAnInfoSeries() {
        String metrics = given().accept("text/plain; version=0.0.4; charset=utf-8")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .replace(",}", "}");
        assertThat(metrics).contains("originwatch_vantage_info{vantage=\"eu\"} 1.0");
        assertThat(metrics).doesNotContain("originwatch_origin_up{origin=\"ok\",vantage");
    }

    private static JsonPath vantages(String origin) {
        return given().get("/api/origins/" + origin + "/vantages")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
