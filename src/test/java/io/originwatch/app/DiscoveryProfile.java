package io.originwatch.app;

import io.originwatch.discovery.CloudflareStandIn;
import io.originwatch.testing.FakeOrigin;
import io.originwatch.testing.FakeOriginTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Cloudflare discovery against the loopback stand-in, its records pointing at a fake origin on
 * loopback; a cache from a "previous run" is already in the cache dir (the restart), the stand-in's
 * first answer is a 502 (so the start-up run fails and the cached origins keep running), and an
 * inline origin takes the name of one discovered record (the configured one must win).
 */
public class DiscoveryProfile implements QuarkusTestProfile {

    static CloudflareStandIn api;
    static FakeOrigin origin;
    static Path cacheDir;
    static Path logFile;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    public static class Resource extends FakeOriginTestResource {

        @Override
        protected Map<String, String> config(FakeOrigin fake) throws IOException {
            origin = fake;
            int port = fake.url("/").getPort();
            api = new CloudflareStandIn()
                    .zone("z1", "example.com")
                    .record("z1", "r-shop", "A", "shop.example.com", "127.0.0.1", true)
                    .record("z1", "r-api", "A", "api.example.com", "127.0.0.1", true)
                    .record("z1", "r-www", "A", "www.example.com", "127.0.0.1", true)
                    .record("z1", "r-direct", "A", "direct.example.com", "127.0.0.1", false);
            api.fail(CloudflareStandIn.Fault.SERVER_ERROR);
            cacheDir = Files.createTempDirectory("originwatch-discovery");
            Files.writeString(cacheDir.resolve("cloudflare.json"), """
                    {"version": 1,
                     "origins": [
                      {"name": "shop.example.com", "url": "http://127.0.0.1:%1$d/reset", "host": "shop.example.com",
                       "viaEdgeUrl": null, "labels": {"zone": "example.com", "record_id": "r-shop"}},
                      {"name": "old.example.com", "url": "http://127.0.0.1:%1$d/reset", "host": "old.example.com",
                       "viaEdgeUrl": null, "labels": {"zone": "example.com", "record_id": "r-old"}}
                     ],
                     "skipped": []}
                    """.formatted(port));
            logFile = cacheDir.resolve("daemon.log");
            return Map.ofEntries(
                    Map.entry("originwatch.discovery.cache-dir", cacheDir.toString()),
                    Map.entry("originwatch.discovery.cloudflare.enabled", "true"),
                    Map.entry("originwatch.discovery.cloudflare.api-token", CloudflareStandIn.TOKEN),
                    Map.entry(
                            "originwatch.discovery.cloudflare.api-url",
                            api.apiUrl().toString()),
                    Map.entry("originwatch.discovery.cloudflare.refresh", "1h"),
                    Map.entry("originwatch.discovery.cloudflare.scheme", "http"),
                    Map.entry("originwatch.discovery.cloudflare.port", String.valueOf(port)),
                    Map.entry("originwatch.discovery.cloudflare.path", "/reset"),
                    Map.entry("originwatch.discovery.cloudflare.via-edge", "false"),
                    Map.entry("originwatch.discovery.cloudflare.defaults.interval", "1s"),
                    Map.entry("originwatch.origins[0].name", "www.example.com"),
                    Map.entry("originwatch.origins[0].url", fake.url("/ok").toString()),
                    Map.entry("originwatch.origins[0].interval", "1s"),
                    Map.entry("quarkus.log.file.enabled", "true"),
                    Map.entry("quarkus.log.file.path", logFile.toString()),
                    Map.entry("quarkus.log.category.\"io.originwatch\".level", "DEBUG"));
        }

        @Override
        public void stop() {
            super.stop();
            api.close();
        }
    }
}
