package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
            {"HEAD", "/api/origins/shop/support-bundle"}
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
}
