package io.originwatch.ui;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console over plain HTTP: redirects, headers, assets, and what the HTML says without a browser. */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsolePagesTest {

    @Test
    void rootRedirectsToTheConsole() {
        given().redirects().follow(false).when().get("/").then().statusCode(303).header("Location", endsWith("/ui"));
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        String csp = when().get("/ui").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void scriptsAndStyleAreServedFromTheWebjarsAndTheApplication() {
        for (String asset : List.of(Assets.HTMX, Assets.HTMX_SSE, Assets.CSS, Assets.JS)) {
            when().get(asset).then().statusCode(200);
        }
    }

    @Test
    void anUnknownOriginIsAnHtmlNotFound() {
        when().get("/ui/origins/nope")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("no origin named &quot;nope&quot; is configured"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOriginIsOnTheOverview() {
        List<Map<String, Object>> origins =
                when().get("/api/origins").then().statusCode(200).extract().path("");
        String html = when().get("/ui").then().statusCode(200).extract().asString();
        for (Map<String, Object> o : origins) {
            assertThat(html).contains("id=\"o-" + o.get("name") + "\"");
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(when().get("/ui").then().extract().asString())
                                .contains("data-count=\"pending\">0<"));
    }

    @Test
    void theMaintenancePageShowsOpenAndUpcomingWindows() {
        String before =
                when().get("/ui/maintenance").then().statusCode(200).extract().asString();
        assertThat(before)
                .contains("No window is open.")
                .contains("id=\"window-next-patch\"")
                .contains("2099-01-05T02:00:00Z to 2099-01-05T04:00:00Z")
                .contains("kernel patching");
        given().contentType("application/json")
                .body("{\"duration\":\"10m\",\"comment\":\"deploy <b>42</b>\"}")
                .post("/api/origins/lab-ok/maintenance")
                .then()
                .statusCode(201);
        try {
            String open = when().get("/ui/maintenance")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String active = open.substring(open.indexOf("id=\"active\""), open.indexOf("id=\"upcoming\""));
            assertThat(active)
                    .contains("Open now (1)")
                    .contains("id=\"window-runtime:lab-ok\"")
                    .contains("<a href=\"/ui/origins/lab-ok\">lab-ok</a>")
                    .as("the comment is text, never markup")
                    .contains("deploy &lt;b&gt;42&lt;/b&gt;");
        } finally {
            given().delete("/api/origins/lab-ok/maintenance").then().statusCode(204);
        }
    }
}
