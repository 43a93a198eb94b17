package io.originwatch.app;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A blank token is a configuration error, not an open API; no message shows a secret. */
@QuarkusMainTest
@TestProfile(ApiConfigRefusalTest.BlankToken.class)
class ApiConfigRefusalTest {

    public static class BlankToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originwatch.api.token", "   ",
                    "originwatch.api.token-file", "/nonexistent/originwatch-token");
        }
    }

    @Test
    @Launch(
            value = {},
            exitCode = 1)
    void refusesABlankTokenAndAMissingTokenFile(LaunchResult result) {
        RefusedStart.assertRefusedNaming(
                result,
                "originwatch.api.token: is blank (<redacted, 3 chars>)",
                "originwatch.api.token-file: set either token or token-file, not both",
                "originwatch.api.token-file: not a readable file: \"/nonexistent/originwatch-token\"");
    }
}
