package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.evidence.HarSchema;
import io.originwatch.testing.EdgeStandIn;
import io.originwatch.testing.EvidenceOriginsResource;
import io.originwatch.testing.EvidenceProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The evidence surface over HTTP: HAR downloads (latest, failing, 404), the support bundle's
 * contents, the via-edge comparison against a loopback edge stand-in answering 520 with a cf-ray,
 * its metrics, and the API token (everything under /api: 401 without, 200 with; metrics and health open).
 */
@QuarkusTest
@TestProfile(EvidenceProfile.class)
class EvidenceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + EvidenceOriginsResource.TOKEN);
    }

    private static void awaitEdgeAnswer() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> authorized()
                        .get("/api/origins/shop")
                        .then()
                        .body("viaEdge.status", equalTo(520))
                        .body("cause", equalTo("ok")));
    }

    @Test
    void latestHarIsValidRedactedAndADownload() throws IOException {
        awaitEdgeAnswer();
        Response r = authorized().get("/api/origins/shop/har");
        r.then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header(
                        "Content-Disposition",
                        org.hamcrest.Matchers.matchesPattern("attachment; filename=\"shop-\\d{8}T\\d{6}Z\\.har\""));
        String body = r.asString();
        assertThat(body).doesNotContain("s3cret");
        JsonNode entry = JSON.readTree(body).at("/log/entries/0");
        assertThat(HarSchema.errors(r.asByteArray())).isEmpty();
        assertThat(entry.get("_cause").asText()).isEqualTo("ok");
        assertThat(entry.at("/request/url").asText()).startsWith("http://shop.example.com:");
        assertThat(entry.get("_curl").asText())
                .contains("-H 'Authorization: <redacted>'", "-H 'X-Api-Key: <redacted>'")
                .contains("--connect-to shop.example.com:");
        assertThat(JSON.readTree(body).at("/log/creator/name").asText()).isEqualTo("originwatch");
        authorized()
                .get("/api/origins/shop")
                .then()
                .body("curl", equalTo(entry.get("_curl").asText()));
    }

    @Test
    void failingHarTellsTheResetAndIsWrittenToTheDirectory() throws IOException {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> authorized()
                        .get("/api/origins/reset/har?failing=true")
                        .then()
                        .statusCode(200));
        Response r = authorized().get("/api/origins/reset/har?failing=true");
        assertThat(HarSchema.errors(r.asByteArray())).isEmpty();
        JsonNode entry = JSON.readTree(r.asByteArray()).at("/log/entries/0");
        assertThat(entry.get("_cause").asText()).isEqualTo("connection_reset");
        assertThat(entry.get("_edgeStatus").asInt()).isEqualTo(520);
        assertThat(entry.at("/response/status").asInt()).isZero();
        assertThat(entry.get("_error").asText()).startsWith("connection reset by peer");
        Map<String, byte[]> bundle =
                unzip(authorized().get("/api/origins/reset/support-bundle").asByteArray());
        assertThat(bundle)
                .as("no via-edge-url, no via-edge.har")
                .containsOnlyKeys("direct.har", "summary.md", "history.json");
        assertThat(JSON.readTree(bundle.get("direct.har"))
                        .at("/log/entries/0/_cause")
                        .asText())
                .isEqualTo("connection_reset");
        assertThat(new String(bundle.get("summary.md"), StandardCharsets.UTF_8))
                .contains("cause: `connection_reset`, the edge answers 520", "| `connection_reset` | 520 |");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<Path> files = Files.list(EvidenceOriginsResource.harDir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.matches("reset-direct-\\d{8}T\\d{6}Z-connection_reset\\.har"));
            }
        });
    }

    @Test
    void missingHarsAre404WithTheErrorBody() {
        awaitEdgeAnswer();
        authorized()
                .get("/api/origins/shop/har?failing=true")
                .then()
                .statusCode(404)
                .body("error", equalTo("no_har"))
                .body("detail", containsString("no failing probe of shop"));
        authorized().get("/api/origins/nope/har").then().statusCode(404).body("error", equalTo("unknown_origin"));
    }

    @Test
    void viaEdgeResultSitsBesideTheDirectOneWithRayIdAndMetrics() throws Exception {
        awaitEdgeAnswer();
        authorized()
                .get("/api/origins/shop")
                .then()
                .statusCode(200)
                .body("viaEdge.cfRay", equalTo(EdgeStandIn.RAY_ID))
                .body("viaEdge.cfCacheStatus", equalTo("DYNAMIC"))
                .body("viaEdge.server", equalTo("cloudflare"))
                .body("viaEdge.comparison", equalTo("edge_failing"))
                .body("viaEdge.mismatch", equalTo(true))
                .body("viaEdge.rayIds[0].id", equalTo(EdgeStandIn.RAY_ID))
                .body("viaEdge.rayIds[0].status", equalTo(520))
                .body("viaEdge.rayIds[0].at", org.hamcrest.Matchers.endsWith("Z"));
        String metrics =
                when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains(
                        "originwatch_edge_status{origin=\"shop\"} 520.0",
                        "originwatch_edge_mismatch{origin=\"shop\"} 1.0")
                .doesNotContain("originwatch_edge_status{origin=\"reset\"}");
        assertThat(promtool(given().accept("text/plain; version=0.0.4; charset=utf-8")
                        .get("/q/metrics")
                        .asString()))
                .as("promtool check metrics with the edge gauges")
                .isEmpty();
        Response edgeHar = authorized().get("/api/origins/shop/har?via-edge=true");
        assertThat(HarSchema.errors(edgeHar.asByteArray())).isEmpty();
        assertThat(edgeHar.asString()).contains("\"_probe\":\"via-edge\"", EdgeStandIn.RAY_ID);
    }

    @Test
    void supportBundleHoldsWhatSupportAsksFor() throws IOException {
        awaitEdgeAnswer();
        Response r = authorized().get("/api/origins/shop/support-bundle");
        r.then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString("filename=\"shop-"));
        Map<String, byte[]> files = unzip(r.asByteArray());
        assertThat(files).containsOnlyKeys("direct.har", "via-edge.har", "summary.md", "history.json");
        assertThat(HarSchema.errors(files.get("direct.har"))).isEmpty();
        assertThat(HarSchema.errors(files.get("via-edge.har"))).isEmpty();
        assertThat(JSON.readTree(files.get("via-edge.har"))
                        .at("/log/entries/0/response/status")
                        .asInt())
                .isEqualTo(520);
        String summary = new String(files.get("summary.md"), StandardCharsets.UTF_8);
        assertThat(summary)
                .contains(
                        "# originwatch support bundle: shop",
                        "Host / SNI: `shop.example.com`",
                        EdgeStandIn.RAY_ID,
                        "curl -sv -o /dev/null",
                        "edge_failing",
                        "Cause timeline",
                        "| time (UTC) |",
                        java.time.ZoneId.systemDefault().toString(),
                        "Allowlists",
                        "-byte limit (")
                .doesNotContain("s3cret");
        JsonNode history = JSON.readTree(files.get("history.json"));
        assertThat(history.isArray()).isTrue();
        assertThat(history.get(0).get("cause").asText()).isEqualTo("ok");
    }

    @Test
    void withATokenEverythingUnderApiNeedsItButMetricsAndHealthStayOpen() {
        for (String path : new String[] {"/api/origins/shop/har", "/api/origins/shop/support-bundle"}) {
            when().get(path)
                    .then()
                    .statusCode(401)
                    .body("error", equalTo("unauthorized"))
                    .header("WWW-Authenticate", startsWith("Bearer"));
            given().header("Authorization", "Bearer wrong")
                    .get(path)
                    .then()
                    .statusCode(401)
                    .body("detail", containsString("does not match"));
        }
        when().post("/api/origins/fresh/probe").then().statusCode(401).body("error", equalTo("unauthorized"));
        when().post("/api/edge/ranges/refresh").then().statusCode(401).body("error", equalTo("unauthorized"));
        authorized().post("/api/origins/fresh/probe").then().statusCode(200).body("cause", equalTo("ok"));
        authorized().get("/api/origins/shop/support-bundle").then().statusCode(200);
        when().get("/api/origins").then().statusCode(401).body("error", equalTo("unauthorized"));
        authorized().get("/api/origins").then().statusCode(200);
        when().get("/q/metrics").then().statusCode(200);
        when().get("/q/health/live").then().statusCode(200);
    }

    /** promtool's complaints (CI installs Debian's prometheus package, as for MetricsEndpointTest). */
    private static String promtool(String metrics) throws IOException, InterruptedException {
        Path file = Files.createTempFile("originwatch-metrics", ".prom");
        Files.writeString(file, metrics);
        Process p = new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
                .redirectInput(file.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Files.delete(file);
        return out;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
