package io.originwatch.edge;

import io.originwatch.app.JacksonJsonCodec;
import io.originwatch.edge.ranges.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test fixture files from the classpath, and the one JSON codec the edge tests share. */
public final class Fixtures {

    /** The daemon's codec; tests may reach into the framework layer, the edge code may not. */
    public static final JsonCodec JSON = new JacksonJsonCodec();

    private Fixtures() {}

    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
