package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.originwatch.testing.ExampleAreaConfig;
import io.originwatch.testing.FakeOriginsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FakeOriginsProfile.class)
class OriginApiTest {

    @org.junit.jupiter.api.BeforeAll
    static void sendToken() {
        io.originwatch.testing.ApiToken.sendWithEveryRequest();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopSendingToken() {
        io.originwatch.testing.ApiToken.stopSending();
    }

    @Inject
    ExampleAreaConfig otherArea;

    @Test
    void listsEveryOriginSortedAndPendingBeforeItsFirstProbe() {
        when().get("/api/origins")
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("broken", "later", "manual", "ok", "slow")));
        when().get("/api/origins/later")
                .then()
                .statusCode(200)
                .body("cause", equalTo("pending"))
                .body("probedAt", nullValue())
                .body("up", equalTo(false))
                .body("url", containsString("/ok"));
    }

    @Test
    void reportsTheLatestResultWithTimingsInMillisAndIsoTime() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> when().get("/api/origins/ok").then().body("cause", equalTo("ok")));
        Response r = when().get("/api/origins/ok");
        r.then()
                .statusCode(200)
                .body("httpStatus", equalTo(200))
                .body("edgeStatus", equalTo(200))
                .body("up", equalTo(true))
                .body("host", equalTo("127.0.0.1"))
                .body("labels.team", equalTo("shop"))
                .body("timings.connect", notNullValue())
                .body("timings.ttfb", notNullValue())
                .body("timings.total", notNullValue())
                .body("timings.dns", nullValue()) // an IP literal is not resolved: the phase did not happen
                .body("headerBytes", notNullValue());
        assertThat(Instant.parse(r.path("probedAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(r.<Float>path("timings.total")).isLessThan(10_000f);
    }

    @Test
    void classifiesAnUnexpectedStatus() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> when().get("/api/origins/broken")
                        .then()
                        .body("cause", equalTo("unexpected_status"))
                        .body("httpStatus", equalTo(503))
                        .body("edgeStatus", equalTo(503))
                        .body("up", equalTo(false)));
    }

    @Test
    void historyIsNewestFirstAndBounded() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(when().get("/api/origins/ok/history")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<String>>path("probedAt"))
                        .hasSizeGreaterThanOrEqualTo(2));
        List<String> times = when().get("/api/origins/ok/history").path("probedAt");
        assertThat(times).hasSizeLessThanOrEqualTo(50);
        assertThat(Instant.parse(times.get(0))).isAfter(Instant.parse(times.get(1)));
    }

    @Test
    void unknownNamesAnswer404WithTheErrorBody() {
        for (String path : List.of("/api/origins/nope", "/api/origins/nope/history")) {
            when().get(path)
                    .then()
                    .statusCode(404)
                    .body("error", equalTo("unknown_origin"))
                    .body("detail", equalTo("no origin named \"nope\" is configured"));
        }
        when().post("/api/origins/nope/probe").then().statusCode(404).body("error", equalTo("unknown_origin"));
    }

    @Test
    void manualProbeReturnsTheResultAndASecondConcurrentOneGets409() {
        // two threads of our own: the common pool may have a single thread on a small machine
        ExecutorService two = Executors.newFixedThreadPool(2);
        CompletableFuture<Response> first =
                CompletableFuture.supplyAsync(() -> given().post("/api/origins/manual/probe"), two);
        CompletableFuture<Response> second =
                CompletableFuture.supplyAsync(() -> given().post("/api/origins/manual/probe"), two);
        List<Response> both = Stream.of(first.join(), second.join())
                .sorted(java.util.Comparator.comparingInt(Response::statusCode))
                .toList();
        two.shutdown();
        assertThat(both.get(0).statusCode()).isEqualTo(200);
        both.get(0)
                .then()
                .body("name", equalTo("manual"))
                .body("cause", equalTo("ok"))
                .body("probedAt", notNullValue());
        assertThat(both.get(1).statusCode()).isEqualTo(409);
        both.get(1).then().body("error", equalTo("probe_in_flight")).body("detail", containsString("manual"));
    }

    @Test
    void openApiDescribesTheApi() {
        when().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.keySet()",
                        hasItems(
                                "/api/origins",
                                "/api/origins/{name}",
                                "/api/origins/{name}/history",
                                "/api/origins/{name}/probe"));
    }

    @Test
    void healthIsLiveAndReadyOnceScheduled() {
        when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'originwatch-scheduling' }.data.origins", equalTo(5));
    }

    @Test
    void anotherAreasKeysUnderOriginwatchAreAccepted() {
        assertThat(otherArea.enabled()).isTrue();
    }
}
