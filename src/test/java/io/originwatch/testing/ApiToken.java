package io.originwatch.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * The API token of test profiles whose tests call sensitive endpoints (manual probe, edge refresh):
 * with a token every {@code /api} request needs it, so such a test class sends it with every
 * RestAssured request from {@code @BeforeAll} to {@code @AfterAll} (a filter, so the port Quarkus
 * sets per test still applies).
 */
public final class ApiToken {

    public static final String KEY = "originwatch.api.token";
    public static final String TOKEN = "test-api-token-4f1c9b";

    private static final Filter BEARER = (request, response, ctx) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return ctx.next(request, response);
    };

    private ApiToken() {}

    public static void sendWithEveryRequest() {
        RestAssured.filters(BEARER);
    }

    public static void stopSending() {
        List<Filter> rest = new ArrayList<>(RestAssured.filters());
        rest.remove(BEARER);
        RestAssured.replaceFiltersWith(rest);
    }
}
