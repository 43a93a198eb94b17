package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.originwatch.edge.ranges.RangeServer;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The edge HTTP surface and its metrics, against a loopback range server. Ordered: later steps change the list. */
@QuarkusTest
@WithTestResource(EdgeTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeResourceTest {

    @org.junit.jupiter.api.BeforeAll
    static void sendToken() {
        io.originwatch.testing.ApiToken.sendWithEveryRequest();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopSendingToken() {
        io.originwatch.testing.ApiToken.stopSending();
    }

    @Inject
    Scheduler scheduler;

    @Test
    @Order(0)
    void bothJobsRunAtTheConfiguredIntervalsTheRefreshFirstAtStartUp() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.getScheduledJob("originwatch-edge-refresh") != null
                        && scheduler.getScheduledJob("originwatch-edge-refresh").getPreviousFireTime() != null);
        Trigger refresh = scheduler.getScheduledJob("originwatch-edge-refresh");
        assertThat(Duration.between(refresh.getPreviousFireTime(), refresh.getNextFireTime()))
                .isEqualTo(Duration.ofHours(6));
        Trigger check = scheduler.getScheduledJob("originwatch-allowlist-check");
        assertThat(check).isNotNull();
        assertThat(check.getNextFireTime())
                .isBetween(Instant.now(), Instant.now().plusSeconds(60));
    }

    @Test
    @Order(1)
    void refreshThenRanges() {
        given().post("/api/edge/ranges/refresh")
                .then()
                .statusCode(200)
                .body("result", anyOf(equalTo("updated"), equalTo("unchanged")));
        when().get("/api/edge/ranges")
                .then()
                .statusCode(200)
                .body("provider", equalTo("custom"))
                .body("source", endsWith("/ranges"))
                .body("stale", equalTo(false))
                .body("ipv4", contains("104.16.0.0/13", "104.24.0.0/14", "131.0.72.0/22", "172.64.0.0/13"))
                .body("ipv6", contains("2606:4700::/32"));
    }

    @Test
    @Order(2)
    void allowlistsShowDriftAndErrors() {
        when().get("/api/allowlists")
                .then()
                .statusCode(200)
                .body("name", contains("web", "broken"))
                .body("[0].state", equalTo("drift"))
                .body("[0].source", endsWith("web.conf (nginx, guessed)"))
                .body("[0].missing", contains("104.24.0.0/14", "131.0.72.0/22", "172.68.0.0/14"))
                .body("[0].extra", contains("198.51.100.0/24"))
                .body("[0].missingIpv4Addresses", equalTo(2 * 262144 + 1024))
                .body("[1].state", equalTo("error"))
                .body("[1].error", endsWith("broken.cidr:2: not a CIDR: '104.24.0.0/14 oops': '104.24.0.0/14 oops'"));
    }

    @Test
    @Order(3)
    void suggestedFix() {
        given().queryParam("format", "nginx")
                .get("/api/allowlists/web/suggested")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("allow 104.16.0.0/13;\nallow 104.24.0.0/14;\nallow 131.0.72.0/22;\n"
                        + "allow 172.64.0.0/13;\nallow 203.0.113.0/24;\nallow 2606:4700::/32;\ndeny all;\n"));
        given().queryParam("format", "iptables")
                .queryParam("chain", "cloudflare")
                .get("/api/allowlists/web/suggested")
                .then()
                .statusCode(200)
                .body(containsString("-A cloudflare -s 131.0.72.0/22 -j ACCEPT\n"));
        given().queryParam("format", "xml")
                .get("/api/allowlists/web/suggested")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_format"))
                .body("detail", equalTo("format: unknown format 'xml' (nginx|cidr|iptables|apache)"));
        when().get("/api/allowlists/nope/suggested")
                .then()
                .statusCode(404)
                .body("error", equalTo("unknown_allowlist"))
                .body("detail", equalTo("no allowlist named 'nope'"));
    }

    @Test
    @Order(4)
    void shrinkIsRejectedUnlessForced() {
        EdgeTestResource.server.serve("/ranges", RangeServer.Script.text("104.16.0.0/13\n2606:4700::/32\n"));
        given().post("/api/edge/ranges/refresh")
                .then()
                .statusCode(502)
                .body("error", equalTo("ranges_rejected"))
                .body("detail", startsWith("IPv4 shrinks by 60% (limit 30%)"));
        given().queryParam("force", true)
                .post("/api/edge/ranges/refresh")
                .then()
                .statusCode(200)
                .body("result", equalTo("updated"))
                .body("removed", contains("104.24.0.0/14", "131.0.72.0/22", "172.64.0.0/13"));
        // the allowlist now admits more than the edge uses: the extra side of drift
        when().get("/api/allowlists")
                .then()
                .body("[0].state", equalTo("drift"))
                .body("[0].missing", empty())
                .body("[0].extra", contains("172.64.0.0/14", "198.51.100.0/24"));
        EdgeTestResource.server.serve("/ranges", new RangeServer.Script(500, "text/plain", "oops", null));
        given().post("/api/edge/ranges/refresh").then().statusCode(502).body("error", equalTo("refresh_failed"));
    }

    @Test
    @Order(5)
    void metrics() {
        String body = when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(body)
                .contains("# HELP originwatch_edge_ranges Number of CIDR blocks in the edge range list in force")
                .contains("originwatch_edge_ranges{family=\"ipv4\",provider=\"custom\"} 1.0")
                .contains("originwatch_edge_ranges{family=\"ipv6\",provider=\"custom\"} 1.0")
                .containsPattern(
                        "originwatch_edge_ranges_last_success_timestamp_seconds\\{provider=\"custom\"} 1\\.[0-9]+E9")
                .contains("originwatch_edge_ranges_refreshes_total{provider=\"custom\",result=\"rejected\"} 1.0")
                .contains("originwatch_edge_ranges_refreshes_total{provider=\"custom\",result=\"failed\"} 1.0")
                .contains("originwatch_edge_ranges_changes_total{change=\"removed\",provider=\"custom\"} 3.0")
                .contains("originwatch_edge_ranges_stale{provider=\"custom\"} 0.0")
                .contains("# HELP originwatch_allowlist_missing_ranges ")
                .contains("originwatch_allowlist_missing_ranges{allowlist=\"web\"} 0.0")
                .contains("originwatch_allowlist_extra_ranges{allowlist=\"web\"} 2.0")
                .contains("originwatch_allowlist_missing_addresses{allowlist=\"web\"} 0.0")
                .contains("originwatch_allowlist_up{allowlist=\"web\"} 1.0")
                .contains("originwatch_allowlist_up{allowlist=\"broken\"} 0.0");
    }
}
