package io.originwatch.ui;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** {@link ConsoleOrigins} (no lab) with an API token: the console's login. */
public class ConsoleTokenProfile implements QuarkusTestProfile {

    static final String TOKEN = "console-test-token-8f3a";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("originwatch.api.token", TOKEN, "originwatch.tls-provider", "jdk");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ConsoleOrigins.class));
    }
}
