package io.originwatch.app;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad originwatch.alerting configuration stops the process as any other area's does: exit 1, the
 * daemon's one refusal listing every error, no stack trace.
 */
@QuarkusMainTest
@TestProfile(AlertingStartupRefusalTest.BadAlerting.class)
class AlertingStartupRefusalTest {

    public static class BadAlerting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originwatch.alerting.failure-threshold",
                    "0",
                    "originwatch.alerting.webhooks[0].url",
                    "hooks.example.test/ow",
                    "originwatch.alerting.severity.reset",
                    "critical");
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
                "  originwatch.alerting.failure-threshold: must be at least 1, got 0",
                "  originwatch.alerting.webhooks[0].url: must be an http or https URL with a host, got"
                        + " \"hooks.example.test\" followed by <redacted, 3 chars>",
                "  originwatch.alerting.severity.reset: unknown cause \"reset\"");
    }
}
