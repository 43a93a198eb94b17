package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secure by default: with no token configured nobody can cause outbound traffic or download
 * evidence, and reads stay open with secrets masked.
 */
@QuarkusTest
@TestProfile(AccessProfiles.NoToken.class)
class NoTokenAccessTest {

    @Test
    void probesRefreshesAndEvidenceAnswer403NamingTheKeys() {
        for (var call : new String[][] {
            {"POST", "/api/origins/shop/probe"},
            {"POST", "/api/edge/ranges/refresh"},
            {"POST", "/api/edge/ranges/refresh?force=true"},
            {"GET", "/api/origins/shop/har"},
            {"GET", "/api/origins/shop/har?failing=true"},
            {"GET", "/api/origins/shop/support-bundle"},
            {"HEAD", "/api/origins/shop/support-bundle"},
            // the console's buttons are the same writes
            {"POST", "/ui/origins/shop/probe"},
            {"POST", "/ui/edge/refresh"}
        }) {
            var r = given().urlEncodingEnabled(false).request(call[0], call[1]);
            r.then().statusCode(403);
            if (!call[0].equals("HEAD")) {
                r.then()
                        .body("error", equalTo("api_token_required"))
                        .body("detail", containsString("originwatch.api.token"))
                        .body("detail", containsString("originwatch.api.token-file"));
            }
        }
    }

    @Test
    void readsStayOpenWithSecretsMasked() {
        when().get("/api/origins")
                .then()
                .statusCode(200)
                .body("[0].url", containsString("api_key=[redacted]"))
                .body(not(containsString("s3cret")));
        when().get("/api/origins/shop/history").then().statusCode(200);
        when().get("/q/health/ready").then().statusCode(200);
        when().get("/q/metrics").then().statusCode(200).body(not(containsString("s3cret")));
    }

    @Test
    void aCrossSitePostIsRefusedBeforeAnythingElse() {
        given().header("Origin", "https://evil.example")
                .post("/api/origins/shop/probe")
                .then()
                .statusCode(403)
                .body("error", equalTo("cross_site_request"));
    }

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    static final List<String> EVIDENCE = List.of(
            "/api/origins/shop/har",
            "/api/origins/shop/har/",
            "/api/origins/shop/har;a=b",
            "/api/origins/shop/%68ar",
            "/api/origins/shop/har?via-edge=true",
            "/api/origins/shop/har?failing=true",
            "//api/origins/shop/har",
            "/api//origins/shop/har",
            "/api/origins//shop/har",
            "/api/origins/shop/support-bundle",
            "/api/origins/shop/support-bundle/",
            "/api/origins/shop/support-bundle;a=b",
            "/api/origins/shop/%73upport-bundle",
            "//api/origins/shop/support-bundle");

    static final List<String> WRITES = List.of(
            "/api/origins/shop/probe",
            "/api/origins/shop/probe/",
            "/api/origins/shop/probe;a=b",
            "/api/origins/shop/%70robe",
            "//api/origins/shop/probe",
            "/api//origins/shop/probe",
            "/api/edge/ranges/refresh",
            "/api/edge/ranges/refresh/",
            "/api/edge/ranges/refresh;a=b",
            "/api/edge/ranges/%72efresh",
            "/api//edge/ranges/refresh",
            "/api/edge/ranges/refresh?force=true");

    /**
     * Every spelling of the evidence, probe and refresh paths, sent raw (the JDK client rewrites
     * nothing), answers exactly this: the spellings reach the protected method and are refused.
     */
    static final String ANSWERS = """
            GET /api/origins/shop/har -> 403 api_token_required
            HEAD /api/origins/shop/har -> 403
            GET /api/origins/shop/har/ -> 403 api_token_required
            HEAD /api/origins/shop/har/ -> 403
            GET /api/origins/shop/har;a=b -> 403 api_token_required
            HEAD /api/origins/shop/har;a=b -> 403
            GET /api/origins/shop/%68ar -> 403 api_token_required
            HEAD /api/origins/shop/%68ar -> 403
            GET /api/origins/shop/har?via-edge=true -> 403 api_token_required
            HEAD /api/origins/shop/har?via-edge=true -> 403
            GET /api/origins/shop/har?failing=true -> 403 api_token_required
            HEAD /api/origins/shop/har?failing=true -> 403
            GET //api/origins/shop/har -> 403 api_token_required
            HEAD //api/origins/shop/har -> 403
            GET /api//origins/shop/har -> 403 api_token_required
            HEAD /api//origins/shop/har -> 403
            GET /api/origins//shop/har -> 403 api_token_required
            HEAD /api/origins//shop/har -> 403
            GET /api/origins/shop/support-bundle -> 403 api_token_required
            HEAD /api/origins/shop/support-bundle -> 403
            GET /api/origins/shop/support-bundle/ -> 403 api_token_required
            HEAD /api/origins/shop/support-bundle/ -> 403
            GET /api/origins/shop/support-bundle;a=b -> 403 api_token_required
            HEAD /api/origins/shop/support-bundle;a=b -> 403
            GET /api/origins/shop/%73upport-bundle -> 403 api_token_required
            HEAD /api/origins/shop/%73upport-bundle -> 403
            GET //api/origins/shop/support-bundle -> 403 api_token_required
            HEAD //api/origins/shop/support-bundle -> 403
            POST /api/origins/shop/probe -> 403 api_token_required
            POST /api/origins/shop/probe/ -> 403 api_token_required
            POST /api/origins/shop/probe;a=b -> 403 api_token_required
            POST /api/origins/shop/%70robe -> 403 api_token_required
            POST //api/origins/shop/probe -> 403 api_token_required
            POST /api//origins/shop/probe -> 403 api_token_required
            POST /api/edge/ranges/refresh -> 403 api_token_required
            POST /api/edge/ranges/refresh/ -> 403 api_token_required
            POST /api/edge/ranges/refresh;a=b -> 403 api_token_required
            POST /api/edge/ranges/%72efresh -> 403 api_token_required
            POST /api//edge/ranges/refresh -> 403 api_token_required
            POST /api/edge/ranges/refresh?force=true -> 403 api_token_required
            """;

    @Test
    void everySpellingOfTheProtectedPathsAnswers403() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String path : EVIDENCE) {
            for (String method : List.of("GET", "HEAD")) {
                out.append(answer(method, path)).append('\n');
            }
        }
        for (String path : WRITES) {
            out.append(answer("POST", path)).append('\n');
        }
        assertThat(out.toString()).isEqualTo(ANSWERS);
        assertThat(AccessProfiles.ShopOrigin.origin.hits("/ok?api_key=s3cret-query"))
                .as("scheduled probes only: the origin is up")
                .isPositive();
    }

    /** "METHOD path -> status [error]"; never evidence in the body. */
    private String answer(String method, String path) throws Exception {
        String root = base.toString().replaceAll("/$", "");
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(root + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as(method + " " + path).doesNotContain("\"log\"", "\"entries\"", "PK");
        String error = r.body().isEmpty()
                        || !r.headers().firstValue("Content-Type").orElse("").contains("json")
                ? ""
                : " " + io.restassured.path.json.JsonPath.from(r.body()).getString("error");
        return method + " " + path + " -> " + r.statusCode() + error;
    }
}
