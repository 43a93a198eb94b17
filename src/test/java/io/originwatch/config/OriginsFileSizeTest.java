package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origins file's size limit ({@code originwatch.origins-file-max-bytes}): 100,000 origins load
 * under the default, a file at the limit loads and one byte more is refused, and the reader's own
 * flattening spells keys exactly as SmallRye's YAML source does.
 */
class OriginsFileSizeTest {

    @Test
    void hundredThousandOriginsLoadUnderTheDefaultLimit(@TempDir Path dir) throws IOException {
        Path file = write(dir, 100_000);
        assertThat(Files.size(file))
                .as("bigger than SnakeYAML's default 3,145,728 code points")
                .isGreaterThan(3_145_728);
        List<ConfigError> errors = new ArrayList<>();
        List<RawOrigin> raws = OriginsFileReader.read(file, errors);
        assertThat(errors).isEmpty();
        assertThat(raws).hasSize(100_000);
        assertThat(raws.get(99_999).values().get(OriginKey.NAME)).isEqualTo("o99999");
    }

    @Test
    void aFileAtTheLimitLoadsAndOneByteMoreIsRefused(@TempDir Path dir) throws IOException {
        Path file = write(dir, 200);
        int size = (int) Files.size(file);
        List<ConfigError> atLimit = new ArrayList<>();
        assertThat(OriginsFileReader.read(file, size, atLimit)).hasSize(200);
        assertThat(atLimit).isEmpty();

        List<ConfigError> over = new ArrayList<>();
        assertThat(OriginsFileReader.read(file, size - 1, over)).isEmpty();
        assertThat(over)
                .containsExactly(new ConfigError(
                        file.toString(),
                        "the origins file is " + size + " bytes, over the limit of " + (size - 1)
                                + " bytes (originwatch.origins-file-max-bytes)"));
    }

    @Test
    void flatteningMatchesSmallRyesYamlSource() {
        String yaml = """
                origins:
                  - name: shop
                    url: http://127.0.0.1/
                    interval: 10s
                    expect-status: [200, "30,1"]
                    tls-verify: false
                    header-limit: 0755
                    labels:
                      team.name: web
                      tier: 1
                    headers:
                      X-Date: 2024-01-01
                  - name: api
                    url: http://127.0.0.2/
                    nested: [[1, 2], {a: b}]
                """;
        assertThat(YamlFlattener.flatten(OriginsFileReader.parse(yaml, OriginsFileReader.DEFAULT_MAX_BYTES)))
                .isEqualTo(new YamlConfigSource("origins.yaml", yaml, 0).getProperties());
    }

    private static Path write(Path dir, int n) throws IOException {
        StringBuilder sb = new StringBuilder("origins:\n");
        for (int i = 0; i < n; i++) {
            sb.append("  - name: o")
                    .append(i)
                    .append("\n    url: http://127.0.0.2:8080/\n    host: bench.test\n    labels:\n      shard: \"")
                    .append(i % 16)
                    .append("\"\n");
        }
        return Files.writeString(dir.resolve("origins.yaml"), sb);
    }
}
