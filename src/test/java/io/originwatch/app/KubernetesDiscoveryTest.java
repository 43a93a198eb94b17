package io.originwatch.app;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes source in the running daemon, one story in order: annotated Ingresses of the watched
 * namespace become origins (one per rule host) and are probed; an edit to an Ingress adds and removes
 * origins; a deleted Ingress's origins go; a delete that would remove most of them is refused by the
 * mass-removal guard.
 */
@QuarkusTest
@WithTestResource(KubernetesDiscoveryResource.class)
class KubernetesDiscoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static List<String> discovered() {
        return when().get("/api/origins")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.source == 'discovery:kubernetes' }.name", String.class);
    }

    @Test
    void annotatedIngressesBecomeOriginsAndFollowEditsAndDeletes() {
        // 1. the informer's first list: web's three hosts and news; wild skipped; plain and the blog namespace ignored
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(discovered())
                        .containsExactlyInAnyOrder(
                                "shop.example.test", "api.example.test", "www.example.test", "news.example.test"));
        await().atMost(WAIT)
                .untilAsserted(() -> when().get("/api/origins/shop.example.test")
                        .then()
                        .body("cause", equalTo("ok"))
                        .body("host", equalTo("shop.example.test"))
                        .body(
                                "url",
                                equalTo(KubernetesDiscoveryResource.origin
                                        .url("/ok")
                                        .toString()))
                        .body("labels.namespace", equalTo("shop"))
                        .body("labels.ingress", equalTo("web"))
                        .body("limits.headerLimitBytes", equalTo(4096)));
        when().get("/api/discovery")
                .then()
                .body("[0].source", equalTo("kubernetes"))
                .body("[0].outcome", equalTo("success"))
                .body("[0].found", equalTo(4))
                .body("[0].skipped.item", hasItem("shop/wild *.example.test"));

        try (KubernetesClient client = KubernetesDiscoveryResource.kube.createClient()) {
            // 2. an edit: www leaves the Ingress, cdn joins it
            Ingress web = client.network()
                    .v1()
                    .ingresses()
                    .inNamespace("shop")
                    .withName("web")
                    .get();
            web.getSpec().getRules().get(2).setHost("cdn.example.test");
            client.resource(web).update();
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(discovered())
                            .containsExactlyInAnyOrder(
                                    "shop.example.test", "api.example.test", "cdn.example.test", "news.example.test"));

            // 3. a delete: news goes
            client.network()
                    .v1()
                    .ingresses()
                    .inNamespace("shop")
                    .withName("news")
                    .delete();
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(discovered())
                            .containsExactlyInAnyOrder("shop.example.test", "api.example.test", "cdn.example.test"));

            // 4. deleting web would remove all three left: refused, the three keep running
            client.network()
                    .v1()
                    .ingresses()
                    .inNamespace("shop")
                    .withName("web")
                    .delete();
            await().atMost(WAIT)
                    .untilAsserted(() -> when().get("/api/discovery")
                            .then()
                            .body("[0].outcome", equalTo("failure"))
                            .body("[0].error", startsWith("result refused: it would remove 3 of the 3")));
            assertThat(discovered()).hasSize(3);
        }
    }
}
