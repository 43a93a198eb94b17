package io.originwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.origin.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --config}: an application config and an origins file, read as the daemon reads them. */
class CheckConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void anApplicationConfigGivesItsDefaultsOriginsAndOriginsFile() throws IOException {
        Path more = Files.writeString(dir.resolve("more.yaml"), """
                origins:
                  - name: api
                    url: http://203.0.113.11/
                """);
        Path app = Files.writeString(dir.resolve("application.yaml"), """
                quarkus:
                  http:
                    port: 9090
                originwatch:
                  user-agent: probe/1
                  origins-file: %s
                  defaults:
                    header-limit: 16384
                  origins:
                    - name: shop
                      url: http://203.0.113.10/
                      host: shop.example.com
                  alerting:
                    enabled: false
                """.formatted(more));

        List<Origin> origins = CheckOrigins.fromFile(app, "originwatch/test");

        assertThat(origins).extracting(Origin::name).containsExactly("shop", "api");
        assertThat(origins).allSatisfy(o -> {
            assertThat(o.spec().headerLimitBytes()).isEqualTo(16384);
            assertThat(o.spec().userAgent()).isEqualTo("probe/1");
        });
        assertThat(origins.get(0).spec().host()).isEqualTo("shop.example.com");
    }

    @Test
    void anApplicationConfigsErrorsNameTheDaemonsKeys() throws IOException {
        Path app = Files.writeString(dir.resolve("application.yaml"), """
                originwatch:
                  defaults:
                    connect-timeout: soon
                  origins:
                    - name: shop
                      url: ftp://203.0.113.10/
                """);

        assertThatThrownBy(() -> CheckOrigins.fromFile(app, "originwatch/test"))
                .isInstanceOf(UsageException.class)
                .satisfies(e -> assertThat(((UsageException) e).problems())
                        .anySatisfy(
                                p -> assertThat(p).startsWith("originwatch.defaults.connect-timeout: not a duration"))
                        .anySatisfy(p ->
                                assertThat(p).startsWith("originwatch.origins[0].url: scheme must be http or https")));
    }

    @Test
    void anOriginsFileIsReadWithTheDaemonsReader() throws IOException {
        Path file = Files.writeString(dir.resolve("origins.yaml"), """
                origins:
                  - name: shop
                    url: http://203.0.113.10/
                    method: HEAD
                """);

        List<Origin> origins = CheckOrigins.fromFile(file, "originwatch/test");

        assertThat(origins).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("shop");
            assertThat(o.spec().method()).isEqualTo("HEAD");
            assertThat(o.spec().userAgent()).isEqualTo("originwatch/test");
        });
    }

    @Test
    void aFileWithoutOriginsIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "origins: []\n");

        assertThatThrownBy(() -> CheckOrigins.fromFile(file, "originwatch/test"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no origins in the file");
    }
}
