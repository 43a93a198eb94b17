package io.originwatch.app;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.originwatch.discovery.CloudflareStandIn;
import io.originwatch.discovery.CloudflareStandIn.Fault;
import io.originwatch.discovery.SourceStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Cloudflare source in the running daemon, one story in order: the cached result of a previous
 * run is probed at start while the API fails; refreshes make origins appear, change and disappear;
 * a 429 is ridden out; a 5xx, malformed JSON and a 403 each fail the run and keep the last good set;
 * a result removing most origins is refused; a configured origin wins its name clash; the token
 * is in no log line.
 */
@QuarkusTest
@TestProfile(DiscoveryProfile.class)
class CloudflareDiscoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DiscoveryRunner runner;

    private static List<String> discoveredNames() {
        return when().get("/api/origins")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.source == 'discovery:cloudflare' }.name", String.class);
    }

    private static String metrics() {
        return given().accept("text/plain; version=0.0.4; charset=utf-8")
                .get("/q/metrics")
                .asString()
                .replace(",}", "}");
    }

    @Test
    void discoveredOriginsFollowTheApiAndSurviveItsFailures() throws Exception {
        // 1. start-up: the API's first answer is a 502; the cached origins run and show their cause
        await().atMost(WAIT)
                .untilAsserted(() -> when().get("/api/discovery")
                        .then()
                        .body("[0].source", equalTo("cloudflare"))
                        .body("[0].outcome", equalTo("failure"))
                        .body("[0].error", startsWith("zones: HTTP 502")));
        assertThat(discoveredNames()).containsExactlyInAnyOrder("old.example.com", "shop.example.com");
        await().atMost(WAIT)
                .untilAsserted(() -> when().get("/api/origins/shop.example.com")
                        .then()
                        .body("cause", equalTo("connection_reset"))
                        .body("source", equalTo("discovery:cloudflare"))
                        .body("host", equalTo("shop.example.com"))
                        .body("labels.zone", equalTo("example.com"))
                        .body("labels.record_id", equalTo("r-shop")));

        // 2. the API answers: api appears, old disappears, www stays the configured origin
        SourceStatus s = runner.refresh(DiscoveryRunner.CLOUDFLARE);
        assertThat(s.outcome()).isEqualTo("success");
        assertThat(s.added()).isEqualTo(1);
        assertThat(s.removed()).isEqualTo(1);
        assertThat(discoveredNames()).containsExactlyInAnyOrder("api.example.com", "shop.example.com");
        when().get("/api/origins/www.example.com").then().body("source", equalTo("config"));
        when().get("/api/discovery")
                .then()
                .body("[0].found", equalTo(2))
                .body("[0].skipped.item", hasItem("A direct.example.com"))
                .body("[0].skipped.reason", hasItem("not proxied: the edge does not front it"))
                .body("[0].skipped.item", hasItem("www.example.com"));
        await().atMost(WAIT)
                .untilAsserted(() ->
                        when().get("/api/origins/api.example.com").then().body("cause", equalTo("connection_reset")));

        // 3. a record changes (rescheduled at its new address) and one is added, through a 429
        DiscoveryProfile.api.changeContent("r-api", "127.0.0.2");
        DiscoveryProfile.api.record("z1", "r-blog", "CNAME", "blog.example.com", "localhost", true);
        DiscoveryProfile.api.fail(Fault.RATE_LIMITED);
        s = runner.refresh(DiscoveryRunner.CLOUDFLARE);
        assertThat(s.outcome()).isEqualTo("success");
        int port = DiscoveryProfile.origin.url("/").getPort();
        when().get("/api/origins/api.example.com").then().body("url", equalTo("http://127.0.0.2:" + port + "/reset"));
        assertThat(discoveredNames())
                .containsExactlyInAnyOrder("api.example.com", "blog.example.com", "shop.example.com");

        // 4. failures keep the last good set
        for (Fault fault : List.of(Fault.SERVER_ERROR, Fault.MALFORMED_JSON, Fault.FORBIDDEN, Fault.SUCCESS_FALSE)) {
            DiscoveryProfile.api.fail(fault);
            s = runner.refresh(DiscoveryRunner.CLOUDFLARE);
            assertThat(s.outcome()).as(fault.name()).isEqualTo("failure");
            assertThat(s.found()).as(fault.name()).isEqualTo(3);
            assertThat(discoveredNames())
                    .as(fault.name())
                    .containsExactlyInAnyOrder("api.example.com", "blog.example.com", "shop.example.com");
        }
        assertThat(s.error()).isNotNull();

        // 5. a record disappears (1 of 3: applied), then most of them (refused)
        DiscoveryProfile.api.removeRecord("r-blog");
        assertThat(runner.refresh(DiscoveryRunner.CLOUDFLARE).removed()).isEqualTo(1);
        assertThat(discoveredNames()).containsExactlyInAnyOrder("api.example.com", "shop.example.com");
        when().get("/api/origins/blog.example.com").then().statusCode(404);
        DiscoveryProfile.api.clearRecords();
        s = runner.refresh(DiscoveryRunner.CLOUDFLARE);
        assertThat(s.outcome()).isEqualTo("failure");
        assertThat(s.error())
                .contains("would remove 2 of the 2 discovered origins")
                .contains("allow-mass-removal");
        assertThat(discoveredNames()).containsExactlyInAnyOrder("api.example.com", "shop.example.com");

        // 6. the cache holds the last good result, for the next start
        String cache = Files.readString(DiscoveryProfile.cacheDir.resolve("cloudflare.json"));
        assertThat(cache)
                .contains("\"api.example.com\"")
                .contains("\"shop.example.com\"")
                .doesNotContain("blog");

        // 7. metrics
        String m = metrics();
        assertThat(m).contains("originwatch_discovery_runs_total{result=\"success\",source=\"cloudflare\"} 3.0");
        assertThat(m).contains("originwatch_discovery_runs_total{result=\"failure\",source=\"cloudflare\"} 6.0");
        assertThat(m).contains("originwatch_discovered_origins{source=\"cloudflare\"} 2.0");

        // 8. the token is in no log line (the stand-in did receive it)
        assertThat(DiscoveryProfile.api.authorizations()).contains("Bearer " + CloudflareStandIn.TOKEN);
        String log = Files.readString(DiscoveryProfile.logFile);
        assertThat(log).contains("discovery run failed").doesNotContain(CloudflareStandIn.TOKEN);
        when().get("/api/discovery").then().body("[0].source", not(equalTo(null)));
        when().get("/api/origins")
                .then()
                .body(
                        "findAll { it.source == 'discovery:cloudflare' }.name",
                        containsInAnyOrder("api.example.com", "shop.example.com"));
    }
}
