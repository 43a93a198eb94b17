package io.originwatch.ui;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The demo lab (every cause) plus {@link ConsoleOrigins}: what the console tests look at. Open like the
 * demo ({@code originwatch.api.auth=none}), so evidence downloads need no login; {@link
 * ConsoleTokenProfile} covers the login.
 */
public class ConsoleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "originwatch.lab.enabled", "true",
                "originwatch.defaults.interval", "2s",
                "originwatch.tls-provider", "jdk",
                "originwatch.api.auth", "none",
                // a window that opens later (the maintenance page's "upcoming"); it covers nobody now
                "originwatch.maintenance.windows[0].name", "next-patch",
                "originwatch.maintenance.windows[0].origins[0]", "lab-ok",
                "originwatch.maintenance.windows[0].comment", "kernel patching",
                "originwatch.maintenance.windows[0].start", "2099-01-05T02:00:00Z",
                "originwatch.maintenance.windows[0].end", "2099-01-05T04:00:00Z");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ConsoleOrigins.class));
    }
}
