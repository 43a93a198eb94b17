package io.originwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Origins for the evidence API: {@code shop} (healthy, with secret request headers, probed through
 * a loopback edge stand-in answering 520), {@code reset} (connection reset) and {@code fresh}
 * (daily, so it has no HAR yet). The API token is set; failing HARs go to a temporary directory.
 */
public class EvidenceOriginsResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-token-0123456789";
    public static Path harDir;
    private FakeOrigin origin;
    private EdgeStandIn edge;

    @Override
    public Map<String, String> start() {
        try {
            origin = new FakeOrigin();
            edge = new EdgeStandIn();
            harDir = Files.createTempDirectory("originwatch-hars");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> c = new HashMap<>();
        c.put("originwatch.origins[0].name", "shop");
        c.put("originwatch.origins[0].url", origin.url("/ok").toString());
        c.put("originwatch.origins[0].host", "shop.example.com");
        c.put("originwatch.origins[0].interval", "1s");
        c.put("originwatch.origins[0].headers.Authorization", "Bearer s3cret-origin-token");
        c.put("originwatch.origins[0].headers.X-Api-Key", "s3cret-key");
        c.put("originwatch.origins[0].via-edge-url", edge.url("/login").toString());
        c.put("originwatch.origins[1].name", "reset");
        c.put("originwatch.origins[1].url", origin.url("/reset").toString());
        c.put("originwatch.origins[1].interval", "1s");
        c.put("originwatch.origins[2].name", "fresh");
        c.put("originwatch.origins[2].url", origin.url("/ok").toString());
        c.put("originwatch.origins[2].interval", "24h");
        c.put("originwatch.api.token", TOKEN);
        c.put("originwatch.evidence.redact-headers", "X-Api-Key");
        c.put("originwatch.evidence.dir", harDir.toString());
        return c;
    }

    @Override
    public void stop() {
        try {
            origin.close();
            edge.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
