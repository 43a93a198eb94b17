package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.origin.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An origins file that would stop most origins is refused; alias bombs too (oversized files: originwatch.origins-file-max-bytes). */
class OriginsFileGuardTest {

    @TempDir
    Path dir;

    private List<Origin> read(String yaml) throws IOException {
        Path f = dir.resolve("origins.yaml");
        Files.writeString(f, yaml);
        return ConfigFixture.loader(Map.of()).readOriginsFile(f, Map.of());
    }

    private static String origins(String... names) {
        StringBuilder sb = new StringBuilder("origins:\n");
        for (String n : names) {
            sb.append("  - name: ").append(n).append("\n    url: http://127.0.0.1:9/\n");
        }
        return sb.toString();
    }

    @Test
    void anEmptyFileOrAnEmptyListIsRefusedWhileOriginsRun() throws IOException {
        List<String> running = List.of("a", "b", "c");
        for (String yaml : new String[] {"", "origins: []\n", "# nothing\n"}) {
            assertThat(OriginsFileGuard.refusal(running, read(yaml), false))
                    .as("file %s", yaml.isEmpty() ? "(empty)" : yaml.strip())
                    .hasValueSatisfying(r -> assertThat(r)
                            .startsWith("the file lists no origins, which would stop all 3 running from it"));
            assertThat(OriginsFileGuard.refusal(running, read(yaml), true)).isEmpty();
        }
        assertThat(OriginsFileGuard.refusal(List.of(), read(""), false))
                .as("nothing runs from the file yet")
                .isEmpty();
    }

    @Test
    void removingMoreThanHalfIsRefusedAndHalfPasses() throws IOException {
        List<String> running = List.of("a", "b", "c", "d");
        assertThat(OriginsFileGuard.refusal(running, read(origins("a", "b")), false))
                .as("2 of 4 removed: exactly half")
                .isEmpty();
        assertThat(OriginsFileGuard.refusal(running, read(origins("a")), false))
                .hasValue("the file would remove 3 of the 4 origins running from it (more than half); set"
                        + " originwatch.origins-file-allow-mass-removal=true to allow that");
        assertThat(OriginsFileGuard.refusal(running, read(origins("w", "x", "y", "z")), false))
                .as("every origin renamed")
                .isPresent();
        assertThat(OriginsFileGuard.refusal(running, read(origins("a")), true)).isEmpty();
    }

    @Test
    void aYamlAliasBombIsRefused() throws IOException {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (int i = 0; i < 9; i++) {
            String name = "l" + i;
            bomb.append(name).append(": &").append(name).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = name;
        }
        Path f = dir.resolve("bomb.yaml");
        Files.writeString(f, bomb.toString());
        List<ConfigError> errors = new ArrayList<>();
        long t0 = System.nanoTime();
        assertThat(OriginsFileReader.read(f, errors)).isEmpty();
        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("not valid YAML"));
        assertThat(System.nanoTime() - t0).as("refused, not expanded").isLessThan(10_000_000_000L);
    }
}
