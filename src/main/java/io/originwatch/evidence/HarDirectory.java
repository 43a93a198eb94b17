package io.originwatch.evidence;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Failing HARs written to a directory whose {@code .har} files never exceed a total size: after
 * each write the oldest files (by modification time, then name) are deleted until the rest fit.
 * A file is written to a temporary name and moved into place, so a reader never sees half a HAR.
 * Files not ending in {@code .har} are never touched.
 */
public final class HarDirectory {

    /** Default total size cap of the directory's HAR files. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 100L * 1024 * 1024;

    private final Path dir;
    private final long maxTotalBytes;

    public HarDirectory(Path dir, long maxTotalBytes) {
        if (maxTotalBytes <= 0) {
            throw new IllegalArgumentException("maxTotalBytes must be > 0, got " + maxTotalBytes);
        }
        this.dir = dir;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Writes one HAR and prunes; returns the file written. */
    public synchronized Path write(String fileName, byte[] har) throws IOException {
        if (!fileName.endsWith(".har")
                || fileName.contains("/")
                || fileName.contains("\\")
                || fileName.startsWith(".")) {
            throw new IllegalArgumentException("not a plain .har file name: " + fileName);
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + fileName + ".tmp");
        Files.write(tmp, har);
        Path target = dir.resolve(fileName);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        prune();
        return target;
    }

    /** Deletes the oldest HAR files until the total fits the cap. */
    synchronized void prune() throws IOException {
        record F(Path path, long size, FileTime modified) {}
        List<F> files = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.har")) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    F f = new F(p, Files.size(p), Files.getLastModifiedTime(p));
                    files.add(f);
                    total += f.size();
                }
            }
        }
        files.sort(Comparator.comparing(F::modified)
                .thenComparing(f -> f.path().getFileName().toString()));
        for (F f : files) {
            if (total <= maxTotalBytes) {
                break;
            }
            Files.deleteIfExists(f.path());
            total -= f.size();
        }
    }

    public Path dir() {
        return dir;
    }

    public long maxTotalBytes() {
        return maxTotalBytes;
    }
}
