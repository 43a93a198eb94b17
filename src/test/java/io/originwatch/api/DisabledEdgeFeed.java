package io.originwatch.api;

import io.originwatch.edge.ranges.RangeServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A loopback range feed configured as the custom provider's list while {@code originwatch.edge.enabled}
 * is false: a test can check that nothing (a refresh call, a scheduled job) ever fetched from it.
 */
public class DisabledEdgeFeed implements QuarkusTestResourceLifecycleManager {

    static RangeServer feed;

    @Override
    public Map<String, String> start() {
        try {
            feed = new RangeServer().serve("/ranges", RangeServer.Script.text("104.16.0.0/13\n2606:4700::/32\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "originwatch.edge.enabled", "false",
                "originwatch.edge.provider", "custom",
                "originwatch.edge.urls", feed.url("/ranges").toString());
    }

    @Override
    public void stop() {
        feed.close();
    }
}
