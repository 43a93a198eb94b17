package io.originwatch.app;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end: with a bad configuration the process exits 1, printing every error of every area
 * (origins, daemon, evidence, edge, allowlists, alerting) under one header, and no stack trace.
 */
@QuarkusMainTest
@TestProfile(StartupRefusalTest.BadConfig.class)
class StartupRefusalTest {

    public static class BadConfig implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("originwatch.origins[0].name", "shop"),
                    Map.entry("originwatch.origins[0].url", "ftp://shop.example.test/"),
                    Map.entry("originwatch.origins[1].name", "Blog"),
                    Map.entry("originwatch.origins[1].url", "https://blog.example.test/"),
                    Map.entry("originwatch.max-concurrent-probes", "none"),
                    Map.entry("originwatch.evidence.dir-max-bytes", "0"),
                    Map.entry("originwatch.edge.provider", "akamai"),
                    Map.entry("originwatch.edge.max-shrink", "2"),
                    Map.entry("originwatch.allowlists[0].name", "office"),
                    Map.entry("originwatch.alerting.queue-capacity", "0"));
        }
    }

    @Test
    @Launch(
            value = {},
            exitCode = 1)
    void refusesToStartAndNamesEveryBadKeyOfEveryArea(LaunchResult result) {
        RefusedStart.assertRefusedNaming(
                result,
                "originwatch cannot start: 8 configuration error(s):",
                "  originwatch.origins[0].url: scheme must be http or https, got \"ftp\"",
                "  originwatch.origins[1].name: must match [a-z0-9._-]+, got \"Blog\"",
                "  originwatch.max-concurrent-probes: must be a whole number of probes from 1 to 100000, got \"none\"",
                "  originwatch.evidence.dir-max-bytes: must be > 0 bytes, got 0",
                "  originwatch.edge.provider: unknown provider 'akamai' (cloudflare|fastly|cloudfront|custom)",
                "  originwatch.edge.max-shrink: must be between 0 and 1, was 2.0",
                "  originwatch.allowlists[0]: set exactly one of file and kubernetes",
                "  originwatch.alerting.queue-capacity: must be at least 1, got 0");
    }
}
