package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.originwatch.probe.ConscryptTls;
import io.originwatch.schedule.ProbeEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Nothing configured and no lab: the daemon still starts, is ready, and serves an empty list. */
@QuarkusTest
class NoOriginsTest {

    @Inject
    ProbeEngine engine;

    @Test
    void startsAndStaysUpWithNothingToProbe() {
        assertThat(engine.tls().name())
                .as("tls-provider auto: Conscrypt where it loads, on JDK 24+")
                .isEqualTo(ConscryptTls.unmountsWhileBlocked() ? "conscrypt" : "jdk");
        when().get("/api/origins").then().statusCode(200).body("$", empty());
        when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("text/plain; version=0.0.4; charset=utf-8")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("originwatch_origins 0.0"));
    }
}
