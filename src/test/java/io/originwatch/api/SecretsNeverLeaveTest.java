package io.originwatch.api;

import static io.originwatch.testing.CanaryOrigin.CANARY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.testing.ApiToken;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Canary secrets (every one contains "CANARY") are configured as probe headers (inline, and from a
 * file under a name no rule redacts), query values, a via-edge signature and a webhook secret read
 * from a file, and sent back by the origin (Location with user-info and a token, Set-Cookie,
 * a Set-Cookie line broken by a control byte). Every output is grepped: API views, history, HARs
 * (latest, failing, via-edge), the unzipped support bundle, alerts, the webhook requests, the
 * batches posted to an Alertmanager stand-in, metrics,
 * OpenAPI and the log file. Header names and the real byte counts stay.
 */
@QuarkusTest
@WithTestResource(CanaryResource.class)
class SecretsNeverLeaveTest {

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + ApiToken.TOKEN);
    }

    @Test
    void noCanaryInAnyOutput() throws IOException {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(String.valueOf(api().get("/api/origins/broken").<Object>path("cause")))
                    .isEqualTo("invalid_response");
            assertThat(String.valueOf(api().get("/api/origins/leaky").<Object>path("viaEdge.status")))
                    .isEqualTo("520");
            assertThat(CanaryResource.receiver.requests).isNotEmpty();
            assertThat(CanaryResource.alertmanager.requests).anyMatch(r -> r.contains("broken"));
            assertThat(String.valueOf(api().get("/api/origins/leaky/history").<Object>path("size()")))
                    .isNotEqualTo("0");
        });

        Map<String, String> outputs = new LinkedHashMap<>();
        for (String path : new String[] {
            "/api/origins",
            "/api/origins/leaky",
            "/api/origins/broken",
            "/api/origins/leaky/history",
            "/api/origins/broken/history",
            "/api/origins/leaky/har",
            "/api/origins/leaky/har?failing=true",
            "/api/origins/leaky/har?via-edge=true",
            "/api/origins/leaky/har?via-edge=true&failing=true",
            "/api/origins/broken/har",
            "/api/origins/broken/har?failing=true",
            "/api/alerts",
            "/q/metrics",
            "/q/openapi"
        }) {
            var r = api().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            outputs.put(path, r.asString());
        }
        for (String origin : new String[] {"leaky", "broken"}) {
            byte[] zip = api().get("/api/origins/" + origin + "/support-bundle").asByteArray();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    outputs.put(
                            origin + " bundle " + e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        int i = 0;
        for (String request : CanaryResource.receiver.requests) {
            outputs.put("webhook request " + i++, request);
        }
        i = 0;
        for (String request : CanaryResource.alertmanager.requests) {
            outputs.put("alertmanager request " + i++, request);
        }
        outputs.put("log file", Files.readString(CanaryResource.log));

        outputs.forEach((where, text) -> assertThat(text).as(where).doesNotContain(CANARY));

        // the values from files were sent (the file's trailing newline stripped) and the webhook signed
        assertThat(CanaryResource.origin.heads)
                .anyMatch(h -> h.contains("\r\nX-Plain-Name: " + CANARY + "-FILE-HEADER\r\n"));
        assertThat(CanaryResource.receiver.requests)
                .allMatch(r -> r.toLowerCase(java.util.Locale.ROOT).contains("x-originwatch-signature"));
        assertThat(outputs.get("/api/origins/leaky/har?failing=true")).contains("\"X-Plain-Name\"");

        // what stays: names, placeholders and the evidence itself
        assertThat(outputs.get("/api/origins/leaky/har?failing=true"))
                .contains("\"X-Custom-Token\"", "\"CF-Access-Client-Secret\"", "\"X-Tenant\"", "[redacted]")
                .contains(
                        "token=[redacted]&x=1",
                        "\"redirectURL\":\"https://[redacted]@shop.example.com/next?token=[redacted]&page=2\"");
        assertThat(outputs.get("/api/origins/broken"))
                .contains(
                        "malformed header line 2 (control character in field value): \\\"Set-Cookie: [redacted]\\\\x01\\\"");
        assertThat(outputs.get("/api/origins/leaky"))
                .contains("-H 'X-Custom-Token: <redacted>'", "token=<redacted>&x=1");
        assertThat(outputs.get("webhook request 0")).contains("malformed header line 2");
        assertThat(CanaryResource.alertmanager.requests).anyMatch(r -> r.contains("invalid_response"));
        assertThat(outputs.get("log file"))
                .contains("origin=broken cause=pending->invalid_response", "Set-Cookie: [redacted]");
    }
}
