package io.originwatch.api;

import io.originwatch.edge.ranges.RangeServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A loopback range server and two allowlist files (one in drift, one malformed) for the edge API
 * tests; the app is pointed at them through config.
 */
public class EdgeTestResource implements QuarkusTestResourceLifecycleManager {

    static final String FIVE_BLOCKS = "104.16.0.0/13\n104.24.0.0/14\n172.64.0.0/13\n131.0.72.0/22\n2606:4700::/32\n";
    static RangeServer server;
    static Path dir;

    @Override
    public Map<String, String> start() {
        try {
            server = new RangeServer().serve("/ranges", RangeServer.Script.text(FIVE_BLOCKS));
            dir = Files.createTempDirectory("edge-api-test");
            Path web = dir.resolve("web.conf");
            Files.writeString(
                    web,
                    "allow 104.16.0.0/13;\nallow 172.64.0.0/14;\nallow 198.51.100.0/24;\n"
                            + "allow 203.0.113.10;\nallow 2606:4700::/32;\ndeny all;\n");
            Path broken = dir.resolve("broken.cidr");
            Files.writeString(broken, "104.16.0.0/13\n104.24.0.0/14 oops\n");
            return Map.ofEntries(
                    Map.entry("originwatch.edge.enabled", "true"),
                    Map.entry(io.originwatch.testing.ApiToken.KEY, io.originwatch.testing.ApiToken.TOKEN),
                    Map.entry("originwatch.edge.provider", "custom"),
                    Map.entry("originwatch.edge.urls", server.url("/ranges").toString()),
                    Map.entry("originwatch.edge.cache-dir", dir.resolve("cache").toString()),
                    Map.entry("originwatch.allowlists[0].name", "web"),
                    Map.entry("originwatch.allowlists[0].file", web.toString()),
                    Map.entry("originwatch.allowlists[0].ignore[0]", "203.0.113.0/24"),
                    Map.entry("originwatch.allowlists[1].name", "broken"),
                    Map.entry("originwatch.allowlists[1].file", broken.toString()),
                    Map.entry("originwatch.allowlists[1].format", "cidr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
