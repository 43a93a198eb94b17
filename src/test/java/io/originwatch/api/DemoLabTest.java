package io.originwatch.api;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.schedule.ProbeEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo wiring: with the lab enabled, every lab origin is registered and probed through the
 * lab's resolver, and each ends with the cause and warnings the lab promises (carried as labels).
 */
@QuarkusTest
@TestProfile(DemoLabTest.LabEnabled.class)
class DemoLabTest {

    public static class LabEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the JDK stack here; the default profile's tests and the packaged-jar ITs run on Conscrypt (auto)
            Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                    "originwatch.lab.enabled",
                    "true",
                    "originwatch.defaults.interval",
                    "2s",
                    "originwatch.tls-provider",
                    "jdk"));
            overrides.putAll(demoMaintenance());
            return overrides;
        }

        /** The demo profile's maintenance window, as application.properties ships it. */
        static Map<String, String> demoMaintenance() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.Reader r = java.nio.file.Files.newBufferedReader(
                    java.nio.file.Path.of("src/main/resources/application.properties"))) {
                p.load(r);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Map<String, String> out = new java.util.HashMap<>();
            p.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("%demo.originwatch.maintenance."))
                    .forEach(k -> out.put(k.substring("%demo.".length()), p.getProperty(k)));
            assertThat(out).as("the demo profile's maintenance window").isNotEmpty();
            return out;
        }
    }

    @Inject
    ProbeEngine engine;

    @Test
    @SuppressWarnings("unchecked")
    void everyLabOriginShowsItsExpectedCauseAndWarnings() {
        assertThat(engine.tls().name()).as("originwatch.tls-provider=jdk").isEqualTo("jdk");
        List<Map<String, Object>> origins =
                when().get("/api/origins").then().statusCode(200).extract().path("");
        assertThat(origins).hasSizeGreaterThanOrEqualTo(13); // at least one per cause of the catalogue
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> now =
                    when().get("/api/origins").then().extract().path("");
            assertThat(now).allSatisfy(o -> {
                Map<String, String> labels = (Map<String, String>) o.get("labels");
                assertThat(o.get("cause")).as("cause of %s", o.get("name")).isEqualTo(labels.get("expected-cause"));
                List<String> expectedWarnings = labels.get("expected-warnings").isEmpty()
                        ? List.of()
                        : Arrays.asList(labels.get("expected-warnings").split(","));
                assertThat((List<Object>) o.get("warnings"))
                        .as("warnings of %s", o.get("name"))
                        .containsAll(expectedWarnings);
            });
        });
    }

    /** Issue 17's demo: a down origin under an always-open window shows its cause and pages nobody. */
    @Test
    void theDownOriginInTheDemoWindowShowsItsCauseAndOpensNoAlert() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> when().get("/api/origins/lab-connection-refused")
                        .then()
                        .statusCode(200)
                        .body("cause", org.hamcrest.Matchers.equalTo("connection_refused"))
                        .body("consecutiveFailures", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                        .body("maintenance.active", org.hamcrest.Matchers.equalTo(true))
                        .body("maintenance.window", org.hamcrest.Matchers.equalTo("demo-always"))
                        .body("maintenance.suppressing", org.hamcrest.Matchers.equalTo(true)));
        // other down lab origins fire (the tracker runs without sinks); this one does not
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> when().get("/api/alerts")
                        .then()
                        .body("origin", org.hamcrest.Matchers.hasItem("lab-connection-reset")));
        when().get("/api/alerts")
                .then()
                .body("origin", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("lab-connection-refused")));
    }
}
