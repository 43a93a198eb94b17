package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's change test: the SHA-256 of the whole file, read in pieces, and the stamp a poll
 * compares first so that an unchanged file is not hashed every two seconds.
 */
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

    @Test
    void theStampMovesWithTheSizeTheTimeOrAnotherFileBehindThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("origins.yaml"), "origins: []\n");
        FileTime then = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(file, then);
        OriginsFileWatcher.Stamp first = OriginsFileWatcher.Stamp.of(file);
        assertThat(first).isNotNull().isEqualTo(OriginsFileWatcher.Stamp.of(file));

        Files.writeString(file, "origins: [ ]\n");
        Files.setLastModifiedTime(file, then);
        assertThat(OriginsFileWatcher.Stamp.of(file)).as("one byte longer").isNotEqualTo(first);

        Files.writeString(file, "origins: []\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_001_000L));
        assertThat(OriginsFileWatcher.Stamp.of(file)).as("same size, later").isNotEqualTo(first);

        // a ConfigMap update: another file, same size and time, moved in behind the path
        Path next = Files.writeString(dir.resolve("next.yaml"), "origins: {}\n");
        Files.setLastModifiedTime(next, then);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(OriginsFileWatcher.Stamp.of(file)).as("another file").isNotEqualTo(first);

        assertThat(OriginsFileWatcher.Stamp.of(dir.resolve("absent.yaml"))).isNull();
    }

    @Test
    void aPollHashesOnlyWhenTheStampMovedAndOnceAMinuteRegardless() throws Exception {
        Path file = Files.writeString(dir.resolve("origins.yaml"), "origins: []\n");
        OriginsFileWatcher watcher = new OriginsFileWatcher();
        watcher.baseline(file);
        assertThat(watcher.hashes()).isEqualTo(1);

        for (int i = 1; i < OriginsFileWatcher.HASH_EVERY; i++) {
            watcher.check(file, false);
        }
        assertThat(watcher.hashes()).as("polls of an untouched file").isEqualTo(1);
        watcher.check(file, false);
        assertThat(watcher.hashes()).as("the backstop poll").isEqualTo(2);

        // touched, same content: hashed, and equal, so nothing is re-read
        Files.setLastModifiedTime(
                file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1_000));
        watcher.check(file, false);
        assertThat(watcher.hashes()).as("the stamp moved").isEqualTo(3);

        watcher.check(file, true);
        assertThat(watcher.hashes()).as("an event always hashes").isEqualTo(4);
    }
}
