package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** originwatch.api.auth=none: an explicit opt-out; everything is open except force=true. */
@QuarkusTest
@TestProfile(AccessProfiles.AuthNone.class)
class AuthNoneAccessTest {

    @Test
    void everythingIsOpenButForce() {
        // allowed: the probe runs (200), unless the scheduled one is in flight right then (409)
        given().post("/api/origins/shop/probe").then().statusCode(anyOf(is(200), is(409)));
        given().get("/api/origins/shop/support-bundle").then().statusCode(200);
        given().post("/api/edge/ranges/refresh").then().statusCode(409).body("error", equalTo("edge_disabled"));
        given().queryParam("force", "true")
                .post("/api/edge/ranges/refresh")
                .then()
                .statusCode(403)
                .body("error", equalTo("api_token_required"));
    }

    @Test
    void theOptOutIsLoggedAsAWarnAtStart() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Files.readAllLines(AccessProfiles.LogFile.log))
                        .anySatisfy(line -> assertThat(line)
                                .contains("WARN")
                                .contains("originwatch.api.auth=none: the API is open to anyone who can reach it")));
    }
}
