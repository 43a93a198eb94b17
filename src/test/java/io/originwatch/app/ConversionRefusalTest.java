package io.originwatch.app;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A value that is not of its key's type (a word for a number, a duration or a boolean) is no longer
 * refused by SmallRye alone, before the daemon's check: it comes out of the daemon's one refusal
 * (exit 1, one header, no stack trace) with our wording, beside another area's validation error.
 * The edge's two job intervals are among them: the scheduler must not read them before the check.
 */
@QuarkusMainTest
@TestProfile(ConversionRefusalTest.Unconvertible.class)
class ConversionRefusalTest {

    public static class Unconvertible implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("originwatch.origins[0].name", "shop"),
                    Map.entry("originwatch.origins[0].url", "ftp://shop.example.test/"),
                    Map.entry("originwatch.evidence.dir-max-bytes", "big"),
                    Map.entry("originwatch.edge.enabled", "maybe"),
                    Map.entry("originwatch.edge.refresh", "soon"),
                    Map.entry("originwatch.edge.max-shrink", "lots"),
                    Map.entry("originwatch.edge.allowlist-check", "often"),
                    Map.entry("originwatch.alerting.failure-threshold", "three"),
                    Map.entry("originwatch.api.auth", "basic"),
                    Map.entry("originwatch.api.probe-cooldown", "x"));
        }
    }

    @Test
    @Launch(
            value = {},
            exitCode = 1)
    void conversionErrorsAreReportedWithEveryOtherError(LaunchResult result) {
        RefusedStart.assertRefusedNaming(
                result,
                "originwatch cannot start: 9 configuration error(s):",
                "  originwatch.origins[0].url: scheme must be http or https, got \"ftp\"",
                "  originwatch.evidence.dir-max-bytes: must be a whole number, got \"big\"",
                "  originwatch.edge.enabled: must be true or false, got \"maybe\"",
                "  originwatch.edge.refresh: not a duration (e.g. 30s, 500ms, 2m), got \"soon\"",
                "  originwatch.edge.max-shrink: must be a number, got \"lots\"",
                "  originwatch.edge.allowlist-check: not a duration (e.g. 30s, 500ms, 2m), got \"often\"",
                "  originwatch.alerting.failure-threshold: must be a whole number, got \"three\"",
                "  originwatch.api.auth: must be token or none, got \"basic\"",
                "  originwatch.api.probe-cooldown: not a duration (e.g. 30s, 500ms, 2m), got \"x\"");
    }
}
