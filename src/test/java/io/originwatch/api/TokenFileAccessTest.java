package io.originwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.config.ApiConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code originwatch.api.token-file}: the token is read from the file with its one trailing newline
 * stripped (what {@code kubectl create secret --from-file} leaves), and a rotated file is in force at
 * the next request, without a restart. Also the default probe cooldown (5s), no override here.
 */
@QuarkusTest
@TestProfile(TokenFileAccessTest.FromAFile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenFileAccessTest {

    static final String FIRST = "file-token-first";
    static final String ROTATED = "file-token-rotated-2";

    public static class FromAFile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(AccessProfiles.ShopOrigin.class), new TestResourceEntry(TokenFile.class));
        }
    }

    /** The mounted Secret: the token and the newline a file ends with. */
    public static class TokenFile implements QuarkusTestResourceLifecycleManager {
        static Path file;

        @Override
        public Map<String, String> start() {
            file = AccessProfiles.tempFile("originwatch-token", ".txt");
            write(FIRST + "\n");
            return Map.of("originwatch.api.token-file", file.toString());
        }

        static void write(String content) {
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {}
    }

    @Inject
    ApiConfig config;

    private static int origins(String token) {
        var r = given();
        if (token != null) {
            r = r.auth().oauth2(token);
        }
        return r.get("/api/origins").statusCode();
    }

    @Test
    @Order(1)
    void theTokenIsReadFromTheFileWithoutItsTrailingNewline() {
        assertThat(origins(FIRST)).as("the file's token, newline stripped").isEqualTo(200);
        assertThat(origins(null)).isEqualTo(401);
        assertThat(origins(FIRST + "x")).isEqualTo(401);
        given().get("/api/origins").then().header("WWW-Authenticate", "Bearer realm=\"originwatch\"");
    }

    @Test
    @Order(2)
    void theDefaultCooldownIsFiveSeconds() {
        assertThat(config.probeCooldown()).isEqualTo("5s");
        // the first manual probe runs (409 only while a scheduled one is in flight); the next is refused
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                                .oauth2(FIRST)
                                .post("/api/origins/shop/probe")
                                .statusCode()
                        == 200);
        var again = given().auth().oauth2(FIRST).post("/api/origins/shop/probe");
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(again.header("Retry-After"))).isBetween(1, 5);
    }

    @Test
    @Order(3)
    void aRotatedFileIsInForceWithoutARestart() {
        TokenFile.write(ROTATED + "\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> origins(ROTATED) == 200);
        assertThat(origins(FIRST)).as("the old token, after the rotation").isEqualTo(401);
        TokenFile.write(FIRST + "\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> origins(FIRST) == 200);
        assertThat(origins(ROTATED)).isEqualTo(401);
    }
}
