package io.originwatch.testing;

import io.originwatch.edge.ranges.RangeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edge set-up the edge API and the console's edge page test against: a loopback range server
 * listing five blocks, and two allowlists, {@code web} (in drift: one block missing, one stale and
 * one foreign entry, one ignored) and {@code broken} (a malformed line). Each test resource starts
 * its own, so a test that changes the list changes no other test's.
 */
public final class EdgeFixture {

    public static final String FIVE_BLOCKS =
            "104.16.0.0/13\n104.24.0.0/14\n172.64.0.0/13\n131.0.72.0/22\n2606:4700::/32\n";

    private final RangeServer server;
    private final Path dir;

    private EdgeFixture(RangeServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** Starts the range server and writes the allowlists into a new temporary directory. */
    public static EdgeFixture start(String tempPrefix) {
        RangeServer server;
        try {
            server = new RangeServer().serve("/ranges", RangeServer.Script.text(FIVE_BLOCKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path dir = Files.createTempDirectory(tempPrefix);
            Files.writeString(
                    dir.resolve("web.conf"),
                    "allow 104.16.0.0/13;\nallow 172.64.0.0/14;\nallow 198.51.100.0/24;\n"
                            + "allow 203.0.113.10;\nallow 2606:4700::/32;\ndeny all;\n");
            Files.writeString(dir.resolve("broken.cidr"), "104.16.0.0/13\n104.24.0.0/14 oops\n");
            return new EdgeFixture(server, dir);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
    }

    /** The range server, whose script a test may change. */
    public RangeServer server() {
        return server;
    }

    /** The edge and allowlist keys pointing the daemon at this fixture (access keys are the caller's). */
    public Map<String, String> config() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("originwatch.edge.enabled", "true");
        c.put("originwatch.edge.provider", "custom");
        c.put("originwatch.edge.urls", server.url("/ranges").toString());
        c.put("originwatch.edge.cache-dir", dir.resolve("cache").toString());
        c.put("originwatch.allowlists[0].name", "web");
        c.put("originwatch.allowlists[0].file", dir.resolve("web.conf").toString());
        c.put("originwatch.allowlists[0].ignore[0]", "203.0.113.0/24");
        c.put("originwatch.allowlists[1].name", "broken");
        c.put("originwatch.allowlists[1].file", dir.resolve("broken.cidr").toString());
        c.put("originwatch.allowlists[1].format", "cidr");
        return c;
    }

    public void stop() {
        server.close();
    }
}
