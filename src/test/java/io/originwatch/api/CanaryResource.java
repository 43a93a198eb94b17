package io.originwatch.api;

import static io.originwatch.testing.CanaryOrigin.CANARY;

import io.originwatch.testing.ApiToken;
import io.originwatch.testing.CanaryOrigin;
import io.originwatch.testing.EdgeStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Origins configured with secrets (probe headers, a query token, a via-edge URL with a signature),
 * an origin that sends secrets back, a webhook receiver whose path is its secret, an Alertmanager
 * stand-in, and a log file.
 */
public class CanaryResource implements QuarkusTestResourceLifecycleManager {

    static CanaryOrigin origin;
    static EdgeStandIn edge;
    static CanaryReceiver receiver;
    /** An Alertmanager stand-in: keeps every alert batch posted to it. */
    static CanaryReceiver alertmanager;

    static Path log;
    /** A header value and the webhook's HMAC key, each read from a file (a mounted Secret). */
    static Path headerFile;

    static Path webhookSecretFile;

    @Override
    public Map<String, String> start() {
        try {
            origin = new CanaryOrigin();
            edge = new EdgeStandIn();
            receiver = new CanaryReceiver();
            alertmanager = new CanaryReceiver();
            log = Files.createTempFile("originwatch-canary", ".log");
            headerFile = Files.createTempFile("originwatch-canary-header", ".secret");
            Files.writeString(headerFile, CANARY + "-FILE-HEADER\n");
            webhookSecretFile = Files.createTempFile("originwatch-canary-webhook", ".secret");
            Files.writeString(webhookSecretFile, CANARY + "-FILE-WEBHOOK-SECRET\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> c = new HashMap<>();
        c.put("originwatch.origins[0].name", "leaky");
        c.put(
                "originwatch.origins[0].url",
                origin.url("/redirect?token=" + CANARY + "-QUERY&x=1").toString());
        c.put("originwatch.origins[0].host", "shop.example.com");
        c.put("originwatch.origins[0].interval", "1s");
        c.put("originwatch.origins[0].expect-status", "200");
        c.put("originwatch.origins[0].headers.X-Custom-Token", CANARY + "-HEADER");
        c.put("originwatch.origins[0].headers.CF-Access-Client-Secret", CANARY + "-CF");
        c.put("originwatch.origins[0].headers.X-Tenant", CANARY + "-CONFIGURED-NAME");
        // a name no rule redacts: a header from a file is a secret by origin
        c.put("originwatch.origins[0].header-files.X-Plain-Name", headerFile.toString());
        c.put("originwatch.origins[1].header-files.X-Plain-Name", headerFile.toString());
        c.put(
                "originwatch.origins[0].via-edge-url",
                edge.url("/login?sig=" + CANARY + "-EDGE-SIG").toString());
        c.put("originwatch.origins[1].name", "broken");
        c.put("originwatch.origins[1].url", origin.url("/broken").toString());
        c.put("originwatch.origins[1].interval", "1s");
        c.put("originwatch.origins[1].headers.Authorization", "Bearer " + CANARY + "-AUTH");
        c.put("originwatch.evidence.redact-headers", "X-Tenant");
        c.put(ApiToken.KEY, ApiToken.TOKEN);
        c.put(
                "originwatch.alerting.webhooks[0].url",
                receiver.url("/hooks/" + CANARY + "-HOOK").toString());
        c.put("originwatch.alerting.alertmanager.urls", alertmanager.url("").toString());
        c.put("originwatch.alerting.webhooks[0].secret-file", webhookSecretFile.toString());
        c.put("originwatch.alerting.origins.broken.failure-threshold", "1");
        c.put("originwatch.alerting.retry-initial-delay", "50ms");
        c.put("quarkus.log.file.enabled", "true");
        c.put("quarkus.log.file.path", log.toString());
        c.put("quarkus.log.category.\"io.originwatch\".level", "DEBUG");
        return c;
    }

    @Override
    public void stop() {
        try {
            origin.close();
            edge.close();
            receiver.close();
            alertmanager.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
