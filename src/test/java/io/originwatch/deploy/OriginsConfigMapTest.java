package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.config.ConfigError;
import io.originwatch.config.OriginValidator;
import io.originwatch.config.OriginsFileReader;
import io.originwatch.config.RawOrigin;
import io.originwatch.origin.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origins file shipped in the base ConfigMap is one the daemon accepts: read and validated by
 * the daemon's own reader and validator exactly as a reload would, with no error.
 */
class OriginsConfigMapTest {

    @Test
    void shippedOriginsFileIsValid(@TempDir Path dir) throws IOException {
        String yaml = Kustomize.find(
                        Kustomize.render(Kustomize.KUBERNETES_DIR.resolve("base")), "ConfigMap", "originwatch-origins")
                .path("data")
                .path("origins.yaml")
                .asText();
        Path file = Files.writeString(dir.resolve("origins.yaml"), yaml);
        List<ConfigError> errors = new ArrayList<>();
        List<RawOrigin> raws = OriginsFileReader.read(file, errors);
        OriginValidator validator = new OriginValidator(
                new RawOrigin("originwatch.defaults", Map.of(), Map.of(), Map.of()), "originwatch/test", errors);
        List<Origin> origins = validator.validate(raws, new HashMap<>(), errors);
        assertThat(errors).as("errors in the ConfigMap's origins.yaml").isEmpty();
        assertThat(origins)
                .as("origins in the ConfigMap's origins.yaml")
                .hasSize(raws.size())
                .isNotEmpty();
    }
}
