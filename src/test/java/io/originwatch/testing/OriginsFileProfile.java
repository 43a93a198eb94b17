package io.originwatch.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Origins from a ConfigMap-style origins file ({@link ConfigMapDir}) on a loopback fake origin:
 * {@code alpha} and {@code beta}, both answering 200, every second.
 */
public class OriginsFileProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    public static String yaml(String base, String... nameAndPath) {
        StringBuilder b = new StringBuilder("origins:\n");
        for (int i = 0; i < nameAndPath.length; i += 2) {
            b.append("  - name: ")
                    .append(nameAndPath[i])
                    .append('\n')
                    .append("    url: ")
                    .append(base)
                    .append(nameAndPath[i + 1])
                    .append('\n')
                    .append("    interval: 1s\n");
        }
        return b.toString();
    }

    public static class Resource extends FakeOriginTestResource {

        @Override
        protected Map<String, String> config(FakeOrigin origin) throws IOException {
            String base = origin.url("").toString();
            Path dir = Files.createTempDirectory("originwatch-configmap");
            ConfigMapDir map = new ConfigMapDir(dir, yaml(base, "alpha", "/ok", "beta", "/ok"));
            return Map.of(
                    "originwatch.origins-file",
                    map.file().toString(),
                    "test.fake-origin",
                    base,
                    "test.configmap-dir",
                    dir.toString());
        }
    }
}
