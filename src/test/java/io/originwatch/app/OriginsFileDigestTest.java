package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's change test: the SHA-256 of the whole file, read in pieces. */
class OriginsFileDigestTest {

    @TempDir
    Path dir;

    @Test
    void theDigestIsTheFilesSha256AtEverySizeAroundTheBuffer() throws Exception {
        Random random = new Random(20);
        for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 17, 9_000_000}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("origins-" + size + ".yaml"), content);
            assertThat(OriginsFileWatcher.digest(file))
                    .as("%d bytes", size)
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        }
    }

    @Test
    void aMissingFileHashesToAMarkerUnlikeAnyContent() throws Exception {
        byte[] missing = OriginsFileWatcher.digest(dir.resolve("absent.yaml"));
        Path empty = Files.write(dir.resolve("empty.yaml"), new byte[0]);
        assertThat(missing).isNotEqualTo(OriginsFileWatcher.digest(empty)).hasSize(1);
    }
}
