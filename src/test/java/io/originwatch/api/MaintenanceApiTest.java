package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Maintenance over HTTP: a configured always-open window suppresses a down origin (real cause
 * shown, no alert, history flagged, metrics at 1), and a runtime window opened on an origin whose
 * alert already fires carries that alert (suppressing false). With a token configured every /api
 * request needs it.
 */
@QuarkusTest
@TestProfile(MaintenanceApiTest.Windows.class)
class MaintenanceApiTest {

    static final String TOKEN = "maintenance-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class Windows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("originwatch.api.token", TOKEN),
                    Map.entry("originwatch.defaults.interval", "1s"),
                    // nothing listens on port 1 of the loopback: connection refused, every probe
                    Map.entry("originwatch.origins[0].name", "quiet"),
                    Map.entry("originwatch.origins[0].url", "http://127.0.0.1:1/"),
                    Map.entry("originwatch.origins[1].name", "loud"),
                    Map.entry("originwatch.origins[1].url", "http://127.0.0.1:1/"),
                    Map.entry("originwatch.maintenance.windows[0].name", "always"),
                    Map.entry("originwatch.maintenance.windows[0].origins[0]", "qui*"),
                    Map.entry("originwatch.maintenance.windows[0].comment", "planned"),
                    Map.entry("originwatch.maintenance.windows[0].time-intervals[0].weekdays[0]", "monday:sunday"));
        }
    }

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    private static String metrics() {
        return when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void aConfiguredWindowSuppressesADownOriginButShowsItsCause() {
        await().atMost(WAIT)
                .untilAsserted(() -> authorized()
                        .when()
                        .get("/api/origins/quiet")
                        .then()
                        .statusCode(200)
                        .body("cause", equalTo("connection_refused"))
                        .body("consecutiveFailures", org.hamcrest.Matchers.greaterThanOrEqualTo(3))
                        .body("maintenance.active", equalTo(true))
                        .body("maintenance.window", equalTo("always"))
                        .body("maintenance.source", equalTo("config"))
                        .body("maintenance.until", nullValue())
                        .body("maintenance.suppressing", equalTo(true)));
        authorized().when().get("/api/alerts").then().body("origin", not(hasItem("quiet")));
        List<Boolean> flags = authorized()
                .when()
                .get("/api/origins/quiet/history")
                .then()
                .extract()
                .path("inMaintenance");
        assertThat(flags).isNotEmpty().containsOnly(true);
        String m = metrics();
        assertThat(m)
                .contains("originwatch_origin_maintenance{origin=\"quiet\"} 1.0")
                .contains("originwatch_origin_alert_suppressed{origin=\"quiet\"} 1.0")
                .contains("originwatch_maintenance_window_active{window=\"always\"} 1.0");
        authorized()
                .when()
                .get("/api/maintenance")
                .then()
                .statusCode(200)
                .body("windows[0].name", equalTo("always"))
                .body("windows[0].source", equalTo("config"))
                .body("windows[0].comment", equalTo("planned"))
                .body("windows[0].active", equalTo(true))
                .body("windows[0].covering", equalTo(List.of("quiet")))
                .body("windows[0].next", equalTo(List.of()));
    }

    @Test
    void aRuntimeWindowCarriesAnAlertThatAlreadyFires() {
        await().atMost(WAIT)
                .untilAsserted(
                        () -> authorized().when().get("/api/alerts").then().body("origin", hasItem("loud")));
        authorized().when().get("/api/origins/loud").then().body("maintenance.active", equalTo(false));

        given().contentType("application/json")
                .body("{\"duration\":\"30m\",\"comment\":\"deploy 123\"}")
                .post("/api/origins/loud/maintenance")
                .then()
                .statusCode(401);
        authorized()
                .contentType("application/json")
                .body("{\"duration\":\"25h\"}")
                .post("/api/origins/loud/maintenance")
                .then()
                .statusCode(400)
                .body("detail", equalTo("duration must be at most 24h, got PT25H"));
        authorized()
                .contentType("application/json")
                .body("{\"duration\":\"soon\"}")
                .post("/api/origins/loud/maintenance")
                .then()
                .statusCode(400);
        authorized()
                .contentType("application/json")
                .body("{\"duration\":\"30m\"}")
                .post("/api/origins/nope/maintenance")
                .then()
                .statusCode(404);

        Instant before = Instant.now();
        String end = authorized()
                .contentType("application/json")
                .body("{\"duration\":\"30m\",\"comment\":\"deploy 123\"}")
                .post("/api/origins/loud/maintenance")
                .then()
                .statusCode(201)
                .body("name", equalTo("runtime:loud"))
                .body("source", equalTo("runtime"))
                .body("comment", equalTo("deploy 123"))
                .body("active", equalTo(true))
                .body("covering", equalTo(List.of("loud")))
                .extract()
                .path("end");
        assertThat(Instant.parse(end))
                .isBetween(before.plus(Duration.ofMinutes(30)), Instant.now().plus(Duration.ofMinutes(30)));
        authorized()
                .when()
                .get("/api/origins/loud")
                .then()
                .body("maintenance.active", equalTo(true))
                .body("maintenance.window", equalTo("runtime:loud"))
                .body("maintenance.source", equalTo("runtime"))
                .body("maintenance.until", equalTo(end))
                .body("maintenance.suppressing", equalTo(false));
        assertThat(metrics())
                .contains("originwatch_origin_maintenance{origin=\"loud\"} 1.0")
                .contains("originwatch_origin_alert_suppressed{origin=\"loud\"} 0.0")
                .contains("originwatch_maintenance_window_active{window=\"runtime:loud\"} 1.0");
        // carried: still firing while its probes run inside the window
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(authorized()
                                .when()
                                .get("/api/origins/loud/history")
                                .then()
                                .extract()
                                .<List<Boolean>>path("inMaintenance"))
                        .first()
                        .isEqualTo(true));
        authorized().when().get("/api/alerts").then().body("origin", hasItem("loud"));

        given().delete("/api/origins/loud/maintenance").then().statusCode(401);
        authorized().delete("/api/origins/loud/maintenance").then().statusCode(204);
        authorized().delete("/api/origins/loud/maintenance").then().statusCode(204);
        authorized().when().get("/api/origins/loud").then().body("maintenance.active", equalTo(false));
        assertThat(metrics()).doesNotContain("window=\"runtime:loud\"");
    }
}
