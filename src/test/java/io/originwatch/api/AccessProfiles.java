package io.originwatch.api;

import io.originwatch.testing.ApiToken;
import io.originwatch.testing.FakeOrigin;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test profiles for the access rules: no token, a token, auth=none; each with origin {@code shop} on a fake origin. */
final class AccessProfiles {

    private AccessProfiles() {}

    static Path tempFile(String prefix, String suffix) {
        try {
            Path p = Files.createTempFile(prefix, suffix);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One healthy origin, {@code shop}, with a secret query value in its URL. */
    public static class ShopOrigin implements QuarkusTestResourceLifecycleManager {
        static FakeOrigin origin;

        @Override
        public Map<String, String> start() {
            try {
                origin = new FakeOrigin();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "originwatch.origins[0].name", "shop",
                    "originwatch.origins[0].url",
                            origin.url("/ok?api_key=s3cret-query").toString(),
                    "originwatch.origins[0].interval", "1s");
        }

        @Override
        public void stop() {
            try {
                origin.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static class NoToken implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ShopOrigin.class));
        }
    }

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ApiToken.KEY, ApiToken.TOKEN, "originwatch.api.probe-cooldown", "30s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ShopOrigin.class), new TestResourceEntry(DisabledEdgeFeed.class));
        }
    }

    /** The daemon's log, as a file: the start-up WARN is read back from it. */
    public static class LogFile implements QuarkusTestResourceLifecycleManager {
        static Path log;

        @Override
        public Map<String, String> start() {
            log = tempFile("originwatch-access", ".log");
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", log.toString());
        }

        @Override
        public void stop() {}
    }

    public static class AuthNone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>();
            c.put("originwatch.api.auth", "none");
            return c;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ShopOrigin.class), new TestResourceEntry(LogFile.class));
        }
    }
}
