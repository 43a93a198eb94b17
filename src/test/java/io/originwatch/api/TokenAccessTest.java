package io.originwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.testing.ApiToken;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With a token, everything under /api needs it, however the path is spelled; /q/health and
 * /q/metrics stay open. Raw requests through the JDK client, so nothing rewrites the paths.
 * Also: the manual probe cooldown (429 + Retry-After) and the 409 of a refresh with the edge off.
 */
@QuarkusTest
@TestProfile(AccessProfiles.WithToken.class)
class TokenAccessTest {

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        String root = base.toString().replaceAll("/$", "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final List<String> SPELLINGS = List.of(
            "/api/origins/shop/har",
            "/api/origins/shop/har/",
            "/api/origins/shop/har;a=b",
            "/api/origins/shop/%68ar",
            "/api/origins/shop/har?via-edge=true",
            "//api/origins/shop/har",
            "/api//origins/shop/har",
            "/api/origins//shop/har",
            "/api/origins/shop/support-bundle",
            "/api/origins/shop/support-bundle/",
            "/api/origins",
            "/api/origins/shop",
            "/api/origins/shop/history",
            "/api/alerts",
            "/api/edge/ranges",
            "/api/allowlists");

    @Test
    void noSpellingOfAnApiPathAnswersWithoutTheToken() throws Exception {
        for (String path : SPELLINGS) {
            for (String method : List.of("GET", "HEAD")) {
                HttpResponse<String> anonymous = send(method, path, null);
                assertThat(anonymous.statusCode())
                        .as(method + " " + path + " without a token")
                        .isIn(401, 404);
                HttpResponse<String> wrong = send(method, path, "wrong-token");
                assertThat(wrong.statusCode())
                        .as(method + " " + path + " with a wrong token")
                        .isIn(401, 404);
                assertThat(anonymous.body()).doesNotContain("\"log\"", "\"name\"");
            }
        }
        // the spellings that reach a method are refused with 401, not by luck of routing
        for (String path : List.of(
                "/api/origins/shop/har",
                "/api/origins/shop/har;a=b",
                "/api/origins/shop/%68ar",
                "/api/origins",
                "/api/alerts")) {
            assertThat(send("GET", path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(send("GET", path, ApiToken.TOKEN).statusCode())
                    .as(path + " with the token")
                    .isIn(200, 404);
        }
        for (String path : List.of("/api/origins/shop/probe", "/api/origins/shop/probe/", "/api/edge/ranges/refresh")) {
            assertThat(send("POST", path, null).statusCode()).as("POST " + path).isEqualTo(401);
        }
    }

    @Test
    void healthAndMetricsStayOpen() throws Exception {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics")) {
            assertThat(send("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aSecondManualProbeWithinTheCooldownAnswers429WithRetryAfter() throws Exception {
        assertThat(send("POST", "/api/origins/shop/probe", ApiToken.TOKEN).statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = send("POST", "/api/origins/shop/probe", ApiToken.TOKEN);
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After").map(Integer::parseInt))
                .hasValueSatisfying(s -> assertThat(s).isBetween(1, 30));
        assertThat(again.body()).contains("\"error\":\"probe_cooldown\"");
        assertThat(send("POST", "/api/origins/nope/probe", ApiToken.TOKEN).statusCode())
                .as("unknown origin: 404, not a cooldown slot")
                .isEqualTo(404);
    }

    @Test
    void aRefreshWithTheEdgeOffIs409() throws IOException, Exception {
        HttpResponse<String> r = send("POST", "/api/edge/ranges/refresh", ApiToken.TOKEN);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("\"error\":\"edge_disabled\"", "originwatch.edge.enabled");
        HttpResponse<String> forced = send("POST", "/api/edge/ranges/refresh?force=true", ApiToken.TOKEN);
        assertThat(forced.statusCode()).isEqualTo(409);
        // the answer came without a fetch: the configured feed (loopback) never saw a request
        assertThat(DisabledEdgeFeed.feed.conditionsSeen)
                .as("requests to the feed")
                .isEmpty();
    }
}
