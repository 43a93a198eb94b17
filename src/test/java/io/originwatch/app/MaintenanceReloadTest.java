package io.originwatch.app;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.originwatch.testing.ConfigMapDir;
import io.originwatch.testing.FakeOrigin;
import io.originwatch.testing.FakeOriginTestResource;
import io.originwatch.testing.OriginsFileProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Windows in the origins file are re-read with it; an invalid window rejects the file as a whole;
 * and no reload ends a runtime window.
 */
@QuarkusTest
@TestProfile(MaintenanceReloadTest.FileWindows.class)
class MaintenanceReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static final String WINDOW = """
            maintenance:
              windows:
                - name: %s
                  origins: [alpha]
                  time-intervals: [{weekdays: ['%s']}]
            """;

    public static class FileWindows implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Resource.class));
        }
    }

    public static class Resource extends FakeOriginTestResource {
        @Override
        protected Map<String, String> config(FakeOrigin origin) throws IOException {
            String base = origin.url("").toString();
            Path dir = Files.createTempDirectory("originwatch-maintenance");
            ConfigMapDir map = new ConfigMapDir(
                    dir,
                    OriginsFileProfile.yaml(base, "alpha", "/ok") + WINDOW.formatted("file-night", "monday:sunday"));
            return Map.of(
                    "originwatch.origins-file", map.file().toString(),
                    "test.fake-origin", base,
                    "test.configmap-dir", dir.toString());
        }
    }

    @ConfigProperty(name = "test.fake-origin")
    String base;

    @ConfigProperty(name = "test.configmap-dir")
    String dir;

    @Test
    void fileWindowsFollowTheFileAndRuntimeWindowsOutliveEveryReload() throws Exception {
        await().atMost(WAIT)
                .untilAsserted(() -> when().get("/api/origins/alpha")
                        .then()
                        .body("cause", equalTo("ok"))
                        .body("maintenance.active", equalTo(true))
                        .body("maintenance.window", equalTo("file-night"))
                        .body("maintenance.source", equalTo("origins-file")));
        given().contentType("application/json")
                .body("{\"duration\":\"2h\",\"comment\":\"deploy\"}")
                .post("/api/origins/alpha/maintenance")
                .then()
                .statusCode(201);

        ConfigMapDir map = new ConfigMapDir(Path.of(dir));
        map.swap(OriginsFileProfile.yaml(base, "alpha", "/ok"));
        await().atMost(WAIT)
                .untilAsserted(() -> when().get("/api/maintenance")
                        .then()
                        .body("windows.name", not(hasItem("file-night")))
                        .body("windows.name", hasItem("runtime:alpha")));
        when().get("/api/origins/alpha")
                .then()
                .body("maintenance.active", equalTo(true))
                .body("maintenance.source", equalTo("runtime"));

        // an invalid window rejects the whole file: neither its window nor its new origin appear
        map.swap(OriginsFileProfile.yaml(base, "alpha", "/ok", "beta", "/ok") + WINDOW.formatted("again", "funday"));
        await().atMost(WAIT)
                .until(() -> OriginsFileReloadTest.metrics()
                        .contains("originwatch_config_reloads_total{result=\"failure\"} 1.0"));
        when().get("/api/origins/beta").then().statusCode(404);
        when().get("/api/maintenance").then().body("windows.name", equalTo(List.of("runtime:alpha")));

        map.swap(OriginsFileProfile.yaml(base, "alpha", "/ok") + WINDOW.formatted("again", "tuesday:wednesday"));
        await().atMost(WAIT)
                .untilAsserted(() -> when().get("/api/maintenance")
                        .then()
                        .body("windows.name", equalTo(List.of("again", "runtime:alpha"))));
        given().delete("/api/origins/alpha/maintenance").then().statusCode(204);
        when().get("/api/maintenance").then().body("windows.name", equalTo(List.of("again")));
    }
}
