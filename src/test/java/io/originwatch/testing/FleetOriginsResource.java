package io.originwatch.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A fleet for the list API's filters and pages: {@value #FLEET} origins {@code fleet-000} ...
 * {@code fleet-249} probed once in ten years (so they stay pending), labelled {@code team} a, b or c by
 * index mod 3 and {@code tier} edge (odd) or core (even); plus {@code down-1} and {@code down-2}
 * (503, team a, tier edge) and {@code up-1} (200, team b), every second. Open API (auth none).
 */
public class FleetOriginsResource extends FakeOriginTestResource {

    public static final int FLEET = 250;

    /**
     * Ten years: a run falls at a stable phase of the name within the interval (ProbeScheduler), so
     * with 24 h one of 250 origins is probed during a 6-minute test about once a run; with ten years
     * about once in 2,000 runs.
     */
    static final String FLEET_INTERVAL = "87600h";

    @Override
    protected Map<String, String> config(FakeOrigin origin) {
        Map<String, String> c = new HashMap<>();
        int i = 0;
        for (; i < FLEET; i++) {
            String name = String.format("fleet-%03d", i);
            origin(c, origin, i, name, "/ok", FLEET_INTERVAL, "abc".charAt(i % 3) + "", i % 2 == 1 ? "edge" : "core");
        }
        origin(c, origin, i++, "down-1", "/status/503", "1s", "a", "edge");
        origin(c, origin, i++, "down-2", "/status/503", "1s", "a", "edge");
        origin(c, origin, i, "up-1", "/ok", "1s", "b", "core");
        c.put("originwatch.api.auth", "none");
        return c;
    }

    private static void origin(
            Map<String, String> c,
            FakeOrigin origin,
            int i,
            String name,
            String path,
            String interval,
            String team,
            String tier) {
        String key = "originwatch.origins[" + i + "].";
        c.put(key + "name", name);
        c.put(key + "url", origin.url(path).toString());
        c.put(key + "interval", interval);
        c.put(key + "labels.team", team);
        c.put(key + "labels.tier", tier);
    }
}
