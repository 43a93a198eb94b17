package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.origin.Origin;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped examples stay valid: they are validated exactly as the daemon would (no probing). */
class ExampleConfigTest {

    @Test
    void exampleApplicationYamlIsValid() throws IOException {
        String yaml = Files.readString(Path.of("deploy/examples/originwatch.yaml"));
        SettingsLoader loader = ConfigFixture.loader(new YamlConfigSource("example", yaml, 100));

        DaemonSettings s = loader.load();

        assertThat(s.inlineOrigins()).extracting(Origin::name).containsExactly("shop", "blog");
        Origin blog = s.inlineOrigins().get(1);
        assertThat(blog.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(blog.spec().headerLimitBytes()).isEqualTo(4096);
        assertThat(blog.spec().host()).isEqualTo("blog.example.com");
    }

    @Test
    void exampleOriginsFileIsValid() {
        List<ConfigError> errors = new ArrayList<>();
        List<RawOrigin> raws = OriginsFileReader.read(Path.of("deploy/examples/origins.yaml"), errors);
        List<Origin> origins = ConfigValidationTest.loader(Map.of()).validate(raws, Map.of(), errors);
        assertThat(errors).isEmpty();
        assertThat(origins).extracting(Origin::name).containsExactly("shop", "api");
        assertThat(origins.get(1).spec().tlsVerify()).isFalse();
        assertThat(origins.get(1).spec().host()).isEqualTo("api.example.com");
    }
}
