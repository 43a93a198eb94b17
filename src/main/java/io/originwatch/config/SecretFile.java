package io.originwatch.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret read from a file (a mounted Kubernetes Secret): UTF-8, at most {@link #MAX_BYTES}, with
 * one trailing line ending stripped ({@code kubectl create secret --from-file} keeps the newline an
 * editor adds). Any other whitespace is part of the secret.
 */
public final class SecretFile {

    /** Secrets are short; a large file is a mistake (the wrong mount), not a token. */
    public static final int MAX_BYTES = 64 * 1024;

    private SecretFile() {}

    public static String read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UncheckedIOException(new IOException(file + " is larger than " + MAX_BYTES + " bytes"));
            }
            return stripOneNewline(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String stripOneNewline(String s) {
        return io.originwatch.probe.FileValue.stripOneNewline(s);
    }
}
