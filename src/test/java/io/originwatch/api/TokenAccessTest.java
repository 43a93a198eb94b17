package io.originwatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * With a token, everything under /api needs it, however the path is spelled; /q/health and
 * /q/metrics stay open. Raw requests through the JDK client, so nothing rewrites the paths.
 * Also: the manual probe cooldown (429 + Retry-After) and the 409 of a refresh with the edge off.
 */
@QuarkusTest
@TestProfile(AccessProfiles.WithToken.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenAccessTest {

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String token, String... headers) throws Exception {
        String root = base.toString().replaceAll("/$", "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** "METHOD path -> status" for each spelling, one a line, as this token (or none) gets them. */
    private String answers(List<String> paths, String token) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String path : paths) {
            for (String method : List.of("GET", "HEAD")) {
                HttpResponse<String> r = send(method, path, token);
                out.append(method)
                        .append(' ')
                        .append(path)
                        .append(" -> ")
                        .append(r.statusCode())
                        .append('\n');
                assertThat(r.body()).as(method + " " + path).doesNotContain("\"log\"", "\"name\"");
            }
        }
        return out.toString();
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

    /**
     * What each spelling answers without a token and with a wrong one, exactly: a spelling that
     * reaches a resource method is refused by the token filter (401); none gets evidence.
     */
    static final String WITHOUT_THE_TOKEN = """
            GET /api/origins/shop/har -> 401
            HEAD /api/origins/shop/har -> 401
            GET /api/origins/shop/har/ -> 401
            HEAD /api/origins/shop/har/ -> 401
            GET /api/origins/shop/har;a=b -> 401
            HEAD /api/origins/shop/har;a=b -> 401
            GET /api/origins/shop/%68ar -> 401
            HEAD /api/origins/shop/%68ar -> 401
            GET /api/origins/shop/har?via-edge=true -> 401
            HEAD /api/origins/shop/har?via-edge=true -> 401
            GET //api/origins/shop/har -> 401
            HEAD //api/origins/shop/har -> 401
            GET /api//origins/shop/har -> 401
            HEAD /api//origins/shop/har -> 401
            GET /api/origins//shop/har -> 401
            HEAD /api/origins//shop/har -> 401
            GET /api/origins/shop/support-bundle -> 401
            HEAD /api/origins/shop/support-bundle -> 401
            GET /api/origins/shop/support-bundle/ -> 401
            HEAD /api/origins/shop/support-bundle/ -> 401
            GET /api/origins -> 401
            HEAD /api/origins -> 401
            GET /api/origins/shop -> 401
            HEAD /api/origins/shop -> 401
            GET /api/origins/shop/history -> 401
            HEAD /api/origins/shop/history -> 401
            GET /api/alerts -> 401
            HEAD /api/alerts -> 401
            GET /api/edge/ranges -> 401
            HEAD /api/edge/ranges -> 401
            GET /api/allowlists -> 401
            HEAD /api/allowlists -> 401
            """;

    @Test
    void noSpellingOfAnApiPathAnswersWithoutTheToken() throws Exception {
        assertThat(answers(SPELLINGS, null)).as("without a token").isEqualTo(WITHOUT_THE_TOKEN);
        assertThat(answers(SPELLINGS, "wrong-token")).as("with a wrong token").isEqualTo(WITHOUT_THE_TOKEN);
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
    @Order(1) // first: the other tests' manual probes take shop's 30s cooldown slot
    void aSecondManualProbeWithinTheCooldownAnswers429WithRetryAfter() throws Exception {
        // 409: shop's scheduled probe (1s interval) was in flight; the call still took the cooldown slot
        assertThat(send("POST", "/api/origins/shop/probe", ApiToken.TOKEN).statusCode())
                .isIn(200, 409);
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
    void scheduledProbesGoOnWhileAManualProbeCooldownIsActive() throws Exception {
        // take the cooldown slot (30s here): the first manual probe runs, the next one is refused
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        send("POST", "/api/origins/shop/probe", ApiToken.TOKEN).statusCode() == 429);
        int before = AccessProfiles.ShopOrigin.origin.hits("/ok?api_key=s3cret-query");
        // shop's interval is 1s: three scheduled probes reach the origin well inside the 30s cooldown
        await().atMost(Duration.ofSeconds(20))
                .until(() -> AccessProfiles.ShopOrigin.origin.hits("/ok?api_key=s3cret-query") >= before + 3);
        assertThat(send("POST", "/api/origins/shop/probe", ApiToken.TOKEN).statusCode())
                .as("the manual cooldown is still active after those scheduled probes")
                .isEqualTo(429);
    }

    @Test
    void aWriteWithTheSessionCookieAndAnotherSitesOriginIsRefused() throws Exception {
        String cookie = "Cookie";
        String session = ApiTokenFilter.COOKIE + "=" + ApiTokenFilter.cookieValue(ApiToken.TOKEN);
        for (String path : List.of("/api/origins/shop/probe", "/api/edge/ranges/refresh")) {
            HttpResponse<String> r = send("POST", path, null, cookie, session, "Origin", "https://evil.example");
            assertThat(r.statusCode()).as("POST " + path).isEqualTo(403);
            assertThat(r.body()).contains("\"error\":\"cross_site_request\"");
            HttpResponse<String> noOrigin = send("POST", path, null, cookie, session);
            assertThat(noOrigin.statusCode())
                    .as("POST " + path + " without an Origin: the cookie is a valid session")
                    .isIn(200, 409, 429);
        }
        HttpResponse<String> console =
                send("POST", "/ui/origins/shop/probe", null, cookie, session, "Origin", "https://evil.example");
        assertThat(console.statusCode()).as("a console write").isEqualTo(403);
        assertThat(console.body()).contains("refused: Origin https://evil.example is not this host");
    }

    @Test
    void consolePagesNeedASession() throws Exception {
        String session = ApiTokenFilter.COOKIE + "=" + ApiTokenFilter.cookieValue(ApiToken.TOKEN);
        for (String page :
                List.of("/ui", "/ui/origins/shop", "/ui/edge", "/ui/alerts", "/ui/maintenance", "/ui/events")) {
            for (String method : List.of("GET", "HEAD")) {
                HttpResponse<String> r = send(method, page, null);
                assertThat(r.statusCode())
                        .as(method + " " + page + " without a session")
                        .isEqualTo(303);
                assertThat(r.headers().firstValue("Location"))
                        .as(method + " " + page)
                        .hasValueSatisfying(l -> assertThat(l)
                                .endsWith(
                                        "/ui/login?next=" + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8)));
                assertThat(r.body()).doesNotContain("shop");
                assertThat(send(method, page, "wrong-token").statusCode())
                        .as(method + " " + page + " with a wrong token")
                        .isEqualTo(303);
            }
        }
        for (String page : List.of("/ui", "/ui/origins/shop", "/ui/edge")) {
            assertThat(send("GET", page, null, "Cookie", session).statusCode())
                    .as(page + " with the session")
                    .isEqualTo(200);
            assertThat(send("GET", page, ApiToken.TOKEN).statusCode())
                    .as(page + " with the token")
                    .isEqualTo(200);
        }
        assertThat(send("GET", "/ui/login?next=/ui", null).statusCode())
                .as("the login form")
                .isEqualTo(200);
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
