package io.originwatch.probe;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A secret read from a file (a mounted Kubernetes Secret) and re-read when the file changes, for a
 * probe header ({@code header-files}) or a webhook secret ({@code secret-file}). Rules:
 * <ol>
 * <li>UTF-8, at most {@link #MAX_BYTES}; one trailing line ending ({@code \n} or {@code \r\n}) is
 *     stripped (an editor or {@code kubectl create secret --from-file} adds it); a value that still
 *     holds CR, LF or NUL is refused (it would break the request);</li>
 * <li>{@link #current} checks the file's modification time and size at each use and reads it again
 *     when either changed, so a rotated Secret is sent by the next probe, without a restart;</li>
 * <li>a file that becomes unreadable, empty or refused keeps the last good value (logged once,
 *     naming the path, never the value);</li>
 * <li>the value is never part of {@link #toString}, {@code equals} or any message: two values are
 *     the same when they read the same file.</li>
 * </ol>
 */
public final class FileValue {

    /** Secrets are short; a large file is a mistake (the wrong mount), not a token. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(FileValue.class.getName());

    private final Path file;
    private volatile Loaded loaded;
    private volatile boolean failing;

    private record Loaded(FileTime modified, long size, String value) {}

    /** Reads {@code file} now; throws {@link Unusable} (naming the path) when it cannot be used. */
    public FileValue(Path file) throws Unusable {
        this.file = Objects.requireNonNull(file, "file");
        this.loaded = load();
    }

    /** The file cannot give a value; the message names the path and the problem, never the content. */
    public static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    public Path file() {
        return file;
    }

    /** The value in force: the file's content, read again if it changed since the last use. */
    public String current() {
        Loaded last = loaded;
        try {
            if (Files.getLastModifiedTime(file).equals(last.modified()) && Files.size(file) == last.size()) {
                return last.value();
            }
            Loaded next = load();
            loaded = next;
            if (failing) {
                failing = false;
            }
            LOG.log(Level.INFO, "secret file {0} changed: the new value is in force", file);
            return next.value();
        } catch (IOException | Unusable e) {
            if (!failing) {
                failing = true;
                LOG.log(
                        Level.WARNING,
                        "secret file {0} unusable ({1}); keeping the previous value",
                        file,
                        e instanceof Unusable ? e.getMessage() : e.getClass().getSimpleName());
            }
            return last.value();
        }
    }

    private Loaded load() throws Unusable {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new Unusable("is " + size + " bytes, over the limit of " + MAX_BYTES + " for a secret");
            }
            String value = stripOneNewline(Files.readString(file, StandardCharsets.UTF_8));
            if (value.isEmpty()) {
                throw new Unusable("is empty");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new Unusable("holds a line break or NUL inside the value (<redacted, " + value.length()
                        + " chars>); only one trailing newline is stripped");
            }
            return new Loaded(modified, size, value);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Unusable("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Strips one trailing {@code \r\n} or {@code \n}. */
    public static String stripOneNewline(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileValue f && f.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    @Override
    public String toString() {
        return "<secret from file " + file + ">";
    }
}
