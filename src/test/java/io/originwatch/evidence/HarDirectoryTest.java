package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory keeps its HAR files under the cap by deleting the oldest first, and nothing else. */
class HarDirectoryTest {

    @Test
    void oldestHarFilesGoFirstOtherFilesStay(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x".repeat(5000));
        HarDirectory d = new HarDirectory(dir, 2500);
        for (int i = 0; i < 4; i++) {
            Path p = d.write("o-" + i + ".har", new byte[1000]);
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000L + i * 1000L));
        }
        d.prune();
        assertThat(names(dir)).containsExactlyInAnyOrder("notes.txt", "o-2.har", "o-3.har");
    }

    @Test
    void aFileLargerThanTheCapIsNotKept(@TempDir Path dir) throws IOException {
        new HarDirectory(dir, 10).write("big.har", new byte[11]);
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void onlyPlainHarNamesAreWritten(@TempDir Path dir) {
        HarDirectory d = new HarDirectory(dir, 10);
        assertThatThrownBy(() -> d.write("../x.har", new byte[1])).hasMessageContaining("not a plain .har file name");
        assertThatThrownBy(() -> d.write("x.json", new byte[1])).hasMessageContaining("not a plain .har file name");
        assertThatThrownBy(() -> new HarDirectory(dir, 0)).hasMessageContaining("maxTotalBytes must be > 0");
    }

    private static Stream<String> namesStream(Path dir) throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<String> s = namesStream(dir)) {
            return s.toList();
        }
    }
}
