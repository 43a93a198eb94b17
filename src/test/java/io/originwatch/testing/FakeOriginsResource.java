package io.originwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a {@link FakeOrigin} on loopback port 0 and configures origins against it:
 * {@code ok} (200), {@code broken} (503), {@code slow} (answers after 4 s) every second;
 * {@code later} and {@code manual} once a day, so they stay pending unless probed by hand.
 * Also sets a key of another area's mapping to prove the daemon's mapping does not reject it.
 */
public class FakeOriginsResource implements QuarkusTestResourceLifecycleManager {

    public static final long SLOW_MILLIS = 4000;
    private FakeOrigin origin;

    @Override
    public Map<String, String> start() {
        try {
            origin = new FakeOrigin();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> c = new HashMap<>();
        origin(c, 0, "ok", "/ok", "1s");
        origin(c, 1, "broken", "/status/503", "1s");
        origin(c, 2, "slow", "/slow/" + SLOW_MILLIS, "1s");
        origin(c, 3, "later", "/ok", "24h");
        origin(c, 4, "manual", "/slow/1500", "24h");
        c.put("originwatch.origins[0].labels.team", "shop");
        c.put("originwatch.defaults.response-timeout", "10s");
        c.put("originwatch.example-area.enabled", "true");
        return c;
    }

    private void origin(Map<String, String> c, int i, String name, String path, String interval) {
        c.put("originwatch.origins[" + i + "].name", name);
        c.put("originwatch.origins[" + i + "].url", origin.url(path).toString());
        c.put("originwatch.origins[" + i + "].interval", interval);
    }

    @Override
    public void stop() {
        try {
            origin.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
