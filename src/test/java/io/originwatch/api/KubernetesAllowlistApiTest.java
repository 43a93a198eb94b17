package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A Kubernetes allowlist wired end to end: config, the Quarkus-produced client (lazy), drift in the API. */
@QuarkusTest
@WithTestResource(KubernetesEdgeTestResource.class)
class KubernetesAllowlistApiTest {

    @org.junit.jupiter.api.BeforeAll
    static void sendToken() {
        io.originwatch.testing.ApiToken.sendWithEveryRequest();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopSendingToken() {
        io.originwatch.testing.ApiToken.stopSending();
    }

    @Test
    void networkPolicyDriftThroughTheApi() {
        given().post("/api/edge/ranges/refresh")
                .then()
                .statusCode(200)
                .body("result", anyOf(equalTo("updated"), equalTo("unchanged")));
        when().get("/api/allowlists")
                .then()
                .statusCode(200)
                .body("[0].name", equalTo("k8s"))
                .body("[0].source", equalTo("kubernetes:NetworkPolicy/shop/from-cdn"))
                .body("[0].state", equalTo("drift"))
                .body("[0].missing", contains("172.64.0.0/13"))
                .body("[0].extra", empty());
    }
}
