package io.originwatch.ui;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Every link an alert carries lands on the human page: {@code url} on {@code /api/alerts} (the
     * same text as a webhook's {@code url} and Alertmanager's {@code generatorURL}) is the origin's
     * console page with an anchor the page has, and the anchors the Prometheus rules' descriptions
     * link ({@code #verdict}, {@code #response}, {@code #tls}) are sections of that page. The runbook
     * link is on the page's verdict.
     */
    @Test
    @SuppressWarnings("unchecked")
    void alertLinksLandOnTheOriginsConsolePage() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> when().get("/api/alerts")
                                .then()
                                .extract()
                                .<List<?>>path("")
                                .size()
                        > 0);
        List<Map<String, Object>> alerts =
                when().get("/api/alerts").then().statusCode(200).extract().path("");
        String rules = Files.readString(Path.of("deploy/prometheus/originwatch-rules.yaml"));
        Set<String> ruleAnchors = new TreeSet<>();
        Matcher m = Pattern.compile("/ui/origins/\\{\\{ \\$labels\\.origin }}#([a-z-]+)")
                .matcher(rules);
        while (m.find()) {
            ruleAnchors.add(m.group(1));
        }
        assertThat(ruleAnchors).as("anchors the rules link").containsExactly("response", "tls", "verdict");
        for (Map<String, Object> a : alerts) {
            URI url = URI.create(a.get("url").toString());
            assertThat(url.getPath()).isEqualTo("/ui/origins/" + a.get("origin"));
            assertThat(url.getFragment()).isEqualTo("verdict");
            String html = given().accept("text/html")
                    .get(url.getPath())
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .extract()
                    .asString();
            for (String anchor : ruleAnchors) {
                assertThat(html).as("%s has #%s", url.getPath(), anchor).contains("id=\"" + anchor + "\"");
            }
            assertThat(html)
                    .as("the runbook link on %s", url.getPath())
                    .contains("href=\"" + a.get("runbookUrl") + "\"");
        }
    }

    @Test
    void theOwnHealthPanelNamesEveryFact() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                health(when().get("/ui").then().extract().asString(), "health-lag"))
                        .contains("probe starts"));
        String html = when().get("/ui").then().statusCode(200).extract().asString();
        assertThat(health(html, "health-readiness")).contains(">ready<").contains("probes scheduled");
        assertThat(health(html, "health-reload")).contains("no origins file watched");
        assertThat(health(html, "health-lag"))
                .containsPattern(
                        "max [0-9.]+ (ms|s) in the last 2 minutes, mean [0-9.]+ (ms|s) over [0-9,]+ probe starts")
                .contains("late")
                .contains("still in flight");
        assertThat(health(html, "health-ranges")).contains("ranges from");
        assertThat(health(html, "health-refresh")).isNotBlank();
        assertThat(health(html, "health-allowlists")).contains("configured");
        assertThat(health(html, "health-alerts")).containsPattern(">[0-9]+</a>");
        assertThat(html).as("standalone: no cluster line").doesNotContain("id=\"health-cluster\"");
        assertThat(html).contains("data-count=\"maintenance\">0<");
    }

    /** The text of one fact of the own-health panel (its dd, markup included). */
    static String health(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        return html.substring(html.indexOf('>', at) + 1, html.indexOf("</dd>", at));
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

    /**
     * The TLS section says whether the origin asked for a client certificate, which CAs it named and
     * whether the probe sent one: Authenticated Origin Pulls enforced and passed, enforced and
     * refused, and configured while the origin never asks.
     */
    @Test
    void theTlsSectionShowsTheClientCertificateExchange() {
        LabReady.origins();
        String ok = tlsSection("lab-client-certificate-ok");
        assertThat(dd(ok, "tls-client-requested")).startsWith("yes");
        assertThat(dd(ok, "tls-client-cas")).isEqualTo("CN=originwatch lab origin-pull CA,O=originwatch");
        assertThat(dd(ok, "tls-client-sent")).startsWith("yes: CN=edge.lab.test,O=originwatch lab; expires ");

        String missing = tlsSection("lab-client-certificate-missing-tls13");
        assertThat(dd(missing, "tls-client-requested")).startsWith("yes");
        assertThat(dd(missing, "tls-client-cas")).isEqualTo("CN=originwatch lab origin-pull CA,O=originwatch");
        assertThat(dd(missing, "tls-client-sent")).isEqualTo("no (none configured)");

        String notAsked = tlsSection("lab-client-certificate-not-requested");
        assertThat(dd(notAsked, "tls-client-requested")).isEqualTo("no");
        assertThat(notAsked).doesNotContain("id=\"tls-client-cas\"");
        assertThat(dd(notAsked, "tls-client-sent")).startsWith("no (CN=").endsWith(" is configured)");
    }

    private static String tlsSection(String origin) {
        String page = when().get("/ui/origins/" + origin)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        int start = page.indexOf("<section id=\"tls\"");
        return page.substring(start, page.indexOf("</section>", start));
    }

    /** The text of the {@code <dd id="...">} in {@code html}, entities decoded. */
    private static String dd(String html, String id) {
        Matcher m = Pattern.compile("<dd id=\"" + id + "\">(.*?)</dd>").matcher(html);
        assertThat(m.find()).as("%s in %s", id, html).isTrue();
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
