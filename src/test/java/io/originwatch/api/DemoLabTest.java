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
            return Map.of(
                    "originwatch.lab.enabled",
                    "true",
                    "originwatch.defaults.interval",
                    "2s",
                    "originwatch.tls-provider",
                    "jdk");
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
}
