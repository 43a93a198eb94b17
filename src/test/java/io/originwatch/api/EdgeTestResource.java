package io.originwatch.api;

import io.originwatch.edge.ranges.RangeServer;
import io.originwatch.testing.ApiToken;
import io.originwatch.testing.EdgeFixture;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** The edge API tests' {@link EdgeFixture}, with a token configured. */
public class EdgeTestResource implements QuarkusTestResourceLifecycleManager {

    private static EdgeFixture edge;
    static RangeServer server;

    @Override
    public Map<String, String> start() {
        edge = EdgeFixture.start("edge-api-test");
        server = edge.server();
        Map<String, String> config = new HashMap<>(edge.config());
        config.put(ApiToken.KEY, ApiToken.TOKEN);
        return config;
    }

    @Override
    public void stop() {
        if (edge != null) {
            edge.stop();
        }
    }
}
