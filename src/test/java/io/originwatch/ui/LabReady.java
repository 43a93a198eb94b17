package io.originwatch.ui;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Waits until every lab origin shows the cause the lab promises (its expected-cause label). */
final class LabReady {

    private LabReady() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> origins() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<Map<String, Object>> now =
                    when().get("/api/origins").then().extract().path("");
            assertThat(now).allSatisfy(o -> {
                Map<String, String> labels = (Map<String, String>) o.get("labels");
                String expected = labels.getOrDefault("expected-cause", "ok");
                if (!o.get("name").equals("flip")) {
                    assertThat(o.get("cause")).as("cause of %s", o.get("name")).isEqualTo(expected);
                }
            });
        });
        return when().get("/api/origins").then().extract().path("");
    }
}
