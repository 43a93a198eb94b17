package io.originwatch.app;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.originwatch.testing.ConfigMapDir;
import io.originwatch.testing.OriginsFileProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Rewrites the origins file under the running daemon the way a ConfigMap update does (symlink
 * swap): an added origin starts, a removed one stops and loses its series, a changed one is
 * rescheduled; an invalid file is rejected, counted, and the previous set keeps running; so are an
 * empty file, one listing no origins and one that would remove more than half of them (the
 * mass-removal guard), each with its reason on the console's last-reload line.
 */
@QuarkusTest
@TestProfile(OriginsFileProfile.class)
class OriginsFileReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "test.fake-origin")
    String base;

    @ConfigProperty(name = "test.configmap-dir")
    String dir;

    static String metrics() {
        return given().accept("text/plain; version=0.0.4; charset=utf-8")
                .get("/q/metrics")
                .asString()
                .replace(",}", "}"); // the 0.0.4 writer ends label sets with a comma; compare without it
    }

    /** The overview's "last reload" line, as text. */
    static String healthReload() {
        String html = when().get("/ui").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"health-reload\"");
        assertThat(at).as("the overview has a last-reload line").isPositive();
        return html.substring(at, html.indexOf("</dd>", at));
    }

    @Test
    void addRemoveChangeThenRejectAnInvalidFile() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            when().get("/api/origins/alpha").then().body("cause", equalTo("ok"));
            when().get("/api/origins/beta").then().body("cause", equalTo("ok"));
        });
        assertThat(healthReload()).contains("loaded at start").contains("origins.yaml");
        ConfigMapDir map = new ConfigMapDir(Path.of(dir));

        // beta removed, gamma added, alpha changed to an origin answering 503
        map.swap(OriginsFileProfile.yaml(base, "alpha", "/status/503", "gamma", "/ok"));
        await().atMost(WAIT).untilAsserted(() -> {
            when().get("/api/origins/beta").then().statusCode(404);
            when().get("/api/origins/gamma").then().body("cause", equalTo("ok"));
            when().get("/api/origins/alpha").then().body("cause", equalTo("unexpected_status"));
        });
        await().atMost(WAIT).untilAsserted(() -> {
            String m = metrics();
            assertThat(m)
                    .doesNotContain("origin=\"beta\"")
                    .contains("originwatch_config_reloads_total{result=\"success\"} 1.0");
            assertThat(m.lines()
                            .filter(l -> l.startsWith("originwatch_origin_status{") && l.contains("origin=\"alpha\"")))
                    .containsExactly(
                            "originwatch_origin_status{cause=\"unexpected_status\",edge_status=\"503\",origin=\"alpha\"} 1.0");
        });
        assertThat(healthReload()).contains("applied").contains("2 origin(s): 1 added, 1 removed, 1 changed");

        // an invalid file: rejected as a whole, counted, the previous set keeps probing
        map.swap(OriginsFileProfile.yaml(base, "alpha", "/ok", "delta", "/ok").replace("url: http", "url: ftp"));
        await().atMost(WAIT)
                .until(() -> metrics().contains("originwatch_config_reloads_total{result=\"failure\"} 1.0"));
        when().get("/api/origins/delta").then().statusCode(404);
        assertThat(healthReload())
                .as("the console's own-health panel names the outcome and the error")
                .contains("rejected")
                .contains("url");
        int before = when().get("/api/origins/gamma/history").path("size()");
        await().atMost(WAIT)
                .until(() -> when().get("/api/origins/gamma/history").<Integer>path("size()") > before);
        when().get("/api/origins/alpha").then().body("cause", equalTo("unexpected_status"));

        // files that would stop everything (empty, no origins) or most of it: refused through the
        // same road, counted, said why, and alpha and gamma keep running
        refused(map, "", 2, "lists no origins, which would stop all 2");
        refused(map, "origins: []\n", 3, "lists no origins, which would stop all 2");
        refused(map, OriginsFileProfile.yaml(base, "epsilon", "/ok"), 4, "would remove 2 of the 2");
        when().get("/api/origins/epsilon").then().statusCode(404);
        int gammaBefore = when().get("/api/origins/gamma/history").path("size()");
        await().atMost(WAIT)
                .until(() -> when().get("/api/origins/gamma/history").<Integer>path("size()") > gammaBefore);
        when().get("/api/origins/alpha").then().statusCode(200);
    }

    private void refused(ConfigMapDir map, String content, int failures, String why) throws Exception {
        map.swap(content);
        await().atMost(WAIT)
                .until(() ->
                        metrics().contains("originwatch_config_reloads_total{result=\"failure\"} " + failures + ".0"));
        assertThat(healthReload()).contains("refused").contains(why);
        when().get("/api/origins/alpha").then().statusCode(200);
        when().get("/api/origins/gamma").then().statusCode(200);
    }
}
