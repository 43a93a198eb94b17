package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** originwatch.evidence.* through the real mapping: defaults, and every error naming its key. */
class EvidenceSettingsTest {

    private static EvidenceConfig config(Map<String, String> p) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(p, "test", 100))
                .withMapping(EvidenceConfig.class)
                .build()
                .getConfigMapping(EvidenceConfig.class);
    }

    @Test
    void defaultsAreValid() {
        List<ConfigError> errors = new ArrayList<>();
        EvidenceSettings s = EvidenceSettings.from(config(Map.of()), errors);
        assertThat(errors).isEmpty();
        assertThat(s.bodyCaptureBytes()).isEqualTo(8192);
        assertThat(s.dirMaxBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(s.dir()).isEmpty();
    }

    @Test
    void everyErrorAtOnceWithItsKey(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        EvidenceConfig c = config(Map.of(
                "originwatch.evidence.body-capture-bytes",
                "70000",
                "originwatch.evidence.dir-max-bytes",
                "0",
                "originwatch.evidence.dir",
                file.toString(),
                "originwatch.evidence.redact-headers",
                "X-Api-Key,X-Session"));
        List<ConfigError> errors = new ArrayList<>();
        assertThat(EvidenceSettings.from(c, errors)).isEqualTo(EvidenceSettings.INVALID);
        assertThat(errors)
                .extracting(ConfigError::toString)
                .containsExactly(
                        "originwatch.evidence.body-capture-bytes: must be 0..65536 bytes, got 70000",
                        "originwatch.evidence.dir-max-bytes: must be > 0 bytes, got 0",
                        "originwatch.evidence.dir: not a directory: \"" + file + "\"");
        assertThat(c.redactHeaders().orElseThrow()).containsExactly("X-Api-Key", "X-Session");
    }
}
