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
                "originwatch.api.auth", "none");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ConsoleOrigins.class));
    }
}
