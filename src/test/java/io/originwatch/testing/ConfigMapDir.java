package io.originwatch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory laid out like a mounted Kubernetes ConfigMap: {@code origins.yaml -> ..data/origins.yaml},
 * {@code ..data -> ..<version>}. An update writes a new version directory and atomically renames a
 * fresh {@code ..data} symlink over the old one, exactly as the kubelet does; the file itself is
 * never written in place.
 */
public final class ConfigMapDir {

    public static final String FILE = "origins.yaml";
    private static final AtomicInteger VERSION = new AtomicInteger();
    private final Path dir;

    /** Re-opens an existing ConfigMap directory. */
    public ConfigMapDir(Path dir) {
        this.dir = dir;
    }

    public ConfigMapDir(Path dir, String initial) throws IOException {
        this.dir = dir;
        swap(initial);
        Files.createSymbolicLink(dir.resolve(FILE), Path.of("..data", FILE));
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    public void swap(String content) throws IOException {
        Path version = Files.createDirectory(dir.resolve("..v" + VERSION.incrementAndGet()));
        Files.writeString(version.resolve(FILE), content);
        Path tmp = dir.resolve("..data_tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, version.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
