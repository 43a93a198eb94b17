package io.originwatch.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts a {@link FakeOrigin} on loopback port 0 and configures origins against it:
 * {@code ok} (200), {@code broken} (503), {@code slow} (answers after 4 s) every second;
 * {@code later} and {@code manual} once a day, so they stay pending unless probed by hand.
 * Also sets a key of another area's mapping to prove the daemon's mapping does not reject it.
 */
public class FakeOriginsResource extends FakeOriginTestResource {

    public static final long SLOW_MILLIS = 4000;

    @Override
    protected Map<String, String> config(FakeOrigin origin) {
        Map<String, String> c = new HashMap<>();
        origin(c, origin, 0, "ok", "/ok", "1s");
        origin(c, origin, 1, "broken", "/status/503", "1s");
        origin(c, origin, 2, "slow", "/slow/" + SLOW_MILLIS, "1s");
        origin(c, origin, 3, "later", "/ok", "24h");
        origin(c, origin, 4, "manual", "/slow/1500", "24h");
        c.put("originwatch.origins[0].labels.team", "shop");
        c.put("originwatch.defaults.response-timeout", "10s");
        c.put(ApiToken.KEY, ApiToken.TOKEN);
        // OriginApiTest fires two manual probes at once to see the 409; the cooldown has its own test
        c.put("originwatch.api.probe-cooldown", "0s");
        c.put("originwatch.example-area.enabled", "true");
        return c;
    }

    private static void origin(
            Map<String, String> c, FakeOrigin origin, int i, String name, String path, String interval) {
        c.put("originwatch.origins[" + i + "].name", name);
        c.put("originwatch.origins[" + i + "].url", origin.url(path).toString());
        c.put("originwatch.origins[" + i + "].interval", interval);
    }
}
