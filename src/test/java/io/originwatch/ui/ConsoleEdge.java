package io.originwatch.ui;

import io.originwatch.testing.EdgeFixture;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's edge page's own {@link EdgeFixture} (so the API tests that change the list do not
 * change this one).
 */
public class ConsoleEdge implements QuarkusTestResourceLifecycleManager {

    private static EdgeFixture edge;

    @Override
    public Map<String, String> start() {
        edge = EdgeFixture.start("console-edge-test");
        Map<String, String> config = new HashMap<>(edge.config());
        // open like the demo: with no token the refresh button is refused (403), which
        // api.NoTokenAccessTest covers
        config.put("originwatch.api.auth", "none");
        return config;
    }

    @Override
    public void stop() {
        if (edge != null) {
            edge.stop();
        }
    }
}
