package io.originwatch.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.originwatch.testing.ApiToken;
import io.originwatch.testing.FakeOriginsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Standalone (the default) costs nothing: no Hazelcast member thread runs, no cluster series are
 * exported, and the API says so. (Hazelcast's threads are all named {@code hz.<instance>.*}.)
 */
@QuarkusTest
@TestProfile(FakeOriginsProfile.class)
class StandaloneStartsNoClusterTest {

    @BeforeAll
    static void sendToken() {
        ApiToken.sendWithEveryRequest();
    }

    @AfterAll
    static void stopSendingToken() {
        ApiToken.stopSending();
    }

    @Test
    void noHazelcastMemberRuns() {
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .noneMatch(n -> n.startsWith("hz.") || n.startsWith("originwatch-cluster"));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .doesNotContain("originwatch_cluster_");
        given().get("/api/cluster")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("quorum", equalTo(true))
                .body("members.size()", equalTo(0));
        given().get("/api/origins").then().statusCode(200).body("[0].owner", nullValue());
    }
}
