package io.originwatch.edge.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAllowlistSourceTest {

    @TempDir
    Path dir;

    @Test
    void rereadsWhenTheFileChangesAndGuessesTheFormat() throws Exception {
        Path f = dir.resolve("cf.conf");
        Files.writeString(f, "allow 173.245.48.0/20;\ndeny all;\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        FileAllowlistSource src = new FileAllowlistSource(f, null, null);
        assertThat(src.read()).extracting(Object::toString).containsExactly("173.245.48.0/20");
        assertThat(src.describe()).isEqualTo("file:" + f + " (nginx, guessed)");

        // same size, new mtime: still noticed
        Files.writeString(f, "allow 173.245.64.0/20;\ndeny all;\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(src.read()).extracting(Object::toString).containsExactly("173.245.64.0/20");

        Files.writeString(f, "allow 173.245.64.0/20;\nallow nonsense;\n");
        assertThatThrownBy(src::read).hasMessage(f + ":2: not a CIDR: 'nonsense': 'allow nonsense;'");

        Files.delete(f);
        assertThatThrownBy(src::read).hasMessageStartingWith(f + ": cannot read (NoSuchFileException");
    }

    @Test
    void configuredFormatWins() throws Exception {
        Path f = dir.resolve("list");
        Files.writeString(f, "allow 173.245.48.0/20;\n");
        FileAllowlistSource src = new FileAllowlistSource(f, AllowlistFormat.CIDR, null);
        assertThatThrownBy(src::read).hasMessageContaining(":1: not a CIDR");
        assertThat(src.describe()).isEqualTo("file:" + f + " (cidr)");
    }
}
