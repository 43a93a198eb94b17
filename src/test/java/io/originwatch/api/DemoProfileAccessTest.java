package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The demo profile as shipped ({@code -Dquarkus.profile=demo}): it listens on loopback only and
 * needs no token, so the README's one-line demo can probe and download evidence.
 */
@QuarkusTest
@TestProfile(DemoProfileAccessTest.Demo.class)
class DemoProfileAccessTest {

    public static class Demo implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "demo";
        }
    }

    @Inject
    ApiAccess access;

    @Test
    void theDemoBindsToLoopbackOnly() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.http.host", String.class))
                .isEqualTo("127.0.0.1");
        assertThat(ConfigProvider.getConfig().getValue("originwatch.api.auth", String.class))
                .isEqualTo("none");
    }

    @Test
    void theDemoNeedsNoToken() {
        assertThat(access.open()).isTrue();
        // a write and an evidence download, without any token: neither 401 nor 403 api_token_required
        given().post("/api/origins/lab-ok/probe").then().statusCode(anyOf(is(200), is(409)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/origins/lab-ok/har").statusCode() == 200);
        given().get("/api/origins/lab-ok/support-bundle").then().statusCode(200);
    }
}
