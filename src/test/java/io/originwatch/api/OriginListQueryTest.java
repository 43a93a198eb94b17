package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.originwatch.testing.FleetOriginsProfile;
import io.originwatch.testing.FleetOriginsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/origins} filters and pages over {@link FleetOriginsResource}'s 253 origins. */
@QuarkusTest
@TestProfile(FleetOriginsProfile.class)
class OriginListQueryTest {

    static final int TOTAL = FleetOriginsResource.FLEET + 3;

    @BeforeEach
    void downAndUpProbed() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> when().get("/api/origins?failing=true")
                        .then()
                        .statusCode(200)
                        .body("name", equalTo(List.of("down-1", "down-2"))));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> when().get("/api/origins?cause=ok").then().body("name", equalTo(List.of("up-1"))));
    }

    @Test
    void unpagedIsThePlainSortedArrayOfEveryOrigin() {
        List<String> names =
                when().get("/api/origins").then().statusCode(200).extract().path("name");
        assertThat(names).hasSize(TOTAL).isSorted().doesNotHaveDuplicates();
        assertThat(names).startsWith("down-1", "down-2", "fleet-000").endsWith("fleet-249", "up-1");
        // the unpaged answer keeps the whole view, curl line included
        when().get("/api/origins").then().body("find { it.name == 'up-1' }.curl", containsString("curl"));
    }

    @Test
    void causeFilters() {
        when().get("/api/origins?cause=unexpected_status")
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("down-1", "down-2")))
                .body("httpStatus", equalTo(List.of(503, 503)));
        List<String> pending = when().get("/api/origins?cause=pending")
                .then()
                .statusCode(200)
                .extract()
                .path("name");
        assertThat(pending).hasSize(FleetOriginsResource.FLEET).allMatch(n -> n.startsWith("fleet-"));
        when().get("/api/origins?cause=connection_refused")
                .then()
                .statusCode(200)
                .body("$", equalTo(List.of()));
    }

    @Test
    void failingFilters() {
        List<String> others = when().get("/api/origins?failing=false")
                .then()
                .statusCode(200)
                .extract()
                .path("name");
        assertThat(others).hasSize(TOTAL - 2).contains("up-1", "fleet-000").doesNotContain("down-1", "down-2");
    }

    @Test
    void labelFiltersAndRepeatedLabelsAreAnd() {
        List<String> teamA =
                when().get("/api/origins?label=team:a").then().extract().path("name");
        List<String> expectedA = new ArrayList<>(List.of("down-1", "down-2"));
        IntStream.range(0, FleetOriginsResource.FLEET)
                .filter(i -> i % 3 == 0)
                .mapToObj(i -> String.format("fleet-%03d", i))
                .forEach(expectedA::add);
        assertThat(teamA).isEqualTo(expectedA);

        List<String> teamAEdge = given().queryParam("label", "team:a", "tier:edge")
                .get("/api/origins")
                .then()
                .statusCode(200)
                .extract()
                .path("name");
        List<String> expectedAEdge = new ArrayList<>(List.of("down-1", "down-2"));
        IntStream.range(0, FleetOriginsResource.FLEET)
                .filter(i -> i % 3 == 0 && i % 2 == 1)
                .mapToObj(i -> String.format("fleet-%03d", i))
                .forEach(expectedAEdge::add);
        assertThat(teamAEdge).isEqualTo(expectedAEdge);

        when().get("/api/origins?label=team:a&label=tier:edge&failing=true")
                .then()
                .body("name", equalTo(List.of("down-1", "down-2")));
        when().get("/api/origins?label=team:nobody").then().statusCode(200).body("$", equalTo(List.of()));
    }

    @Test
    void pagesOf100SeeEveryOriginExactlyOnceInNameOrder() {
        Set<String> seen = new LinkedHashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response r = request.get("/api/origins");
            r.then().statusCode(200);
            List<String> names = r.path("origins.name");
            sizes.add(names.size());
            for (String n : names) {
                assertThat(seen.add(n)).as("seen once: %s", n).isTrue();
            }
            cursor = r.path("next");
        } while (cursor != null && sizes.size() < 10);
        assertThat(sizes).containsExactly(100, 100, TOTAL - 200);
        assertThat(seen).hasSize(TOTAL);
        assertThat(new ArrayList<>(seen)).isSorted();
        List<String> unpaged = when().get("/api/origins").path("name");
        assertThat(new ArrayList<>(seen)).isEqualTo(unpaged);
    }

    @Test
    void pagesCarryTheFiltersAndTheLastPageHasNoNext() {
        Response first = when().get("/api/origins?label=team:b&limit=50");
        first.then().statusCode(200).body("origins.size()", equalTo(50));
        String next = first.path("next");
        Response second = given().queryParam("label", "team:b")
                .queryParam("limit", 50)
                .queryParam("cursor", next)
                .get("/api/origins");
        // team b: 83 of the fleet (i % 3 == 1) and up-1
        second.then().statusCode(200).body("origins.size()", equalTo(34)).body("next", nullValue());
        List<String> labels = second.path("origins.labels.team");
        assertThat(labels).containsOnly("b");
        when().get("/api/origins?failing=true&limit=2")
                .then()
                .body("origins.name", equalTo(List.of("down-1", "down-2")))
                .body("next", nullValue());
        when().get("/api/origins?failing=true&limit=1")
                .then()
                .body("origins.name", equalTo(List.of("down-1")))
                .body("next", org.hamcrest.Matchers.notNullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "limit=0|limit",
                "limit=1001|limit",
                "limit=ten|limit",
                "limit=-5|limit",
                "limit=100&cursor=not-a-cursor!|cursor",
                "limit=100&cursor=Zm9v|cursor",
                "cursor=YWZ0ZXI6ZmxlZXQtMTAw|cursor",
                "cause=nope|cause",
                "cause=OK|cause",
                "failing=yes|failing",
                "label=team|label",
                "label=:a|label",
                "label=team:a&label=team:b|label"
            })
    void badParametersAnswer400NamingTheParameter(String query, String parameter) {
        when().get("/api/origins?" + query)
                .then()
                .statusCode(400)
                .contentType(containsString("application/json"))
                .body("error", equalTo("bad_parameter"))
                .body("detail", startsWith(parameter + ": "));
    }

    @Test
    void theOpenApiDocumentListsTheParameters() {
        when().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/origins'.get.parameters.name",
                        hasItems("cause", "failing", "label", "limit", "cursor"))
                .body("paths.'/api/origins'.get.responses.keySet()", hasItems("200", "400"));
    }

    @Test
    void theConsoleIsUnaffected() {
        String page = when().get("/ui").then().statusCode(200).extract().asString();
        assertThat(page).contains("Failing (2)").contains("Healthy and pending (" + (TOTAL - 2) + ")");
        assertThat(Stream.of("down-1", "down-2", "fleet-000", "fleet-097")).allMatch(page::contains);
        // its own filters keep their syntax (label=key=value)
        String teamB = given().queryParam("label", "team=b")
                .get("/ui")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(teamB).contains("Failing (0)").contains("Healthy and pending (84)");
    }
}
