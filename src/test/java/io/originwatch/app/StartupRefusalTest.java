package io.originwatch.app;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End to end: with a bad configuration the process exits 1, printing every error line and no stack trace. */
@QuarkusMainTest
@TestProfile(StartupRefusalTest.BadConfig.class)
class StartupRefusalTest {

    public static class BadConfig implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originwatch.origins[0].name",
                    "shop",
                    "originwatch.origins[0].url",
                    "ftp://shop.example.test/",
                    "originwatch.origins[1].name",
                    "Blog",
                    "originwatch.origins[1].url",
                    "https://blog.example.test/",
                    "originwatch.max-concurrent-probes",
                    "none");
        }
    }

    @Test
    @Launch(
            value = {},
            exitCode = 1)
    void refusesToStartAndNamesEveryBadKey(LaunchResult result) {
        RefusedStart.assertRefusedNaming(
                result,
                "originwatch cannot start: 3 configuration error(s):",
                "originwatch.origins[0].url: scheme must be http or https, got \"ftp\"",
                "originwatch.origins[1].name: must match [a-z0-9._-]+, got \"Blog\"",
                "originwatch.max-concurrent-probes: must be a whole number of probes from 1 to 100000, got \"none\"");
    }
}
