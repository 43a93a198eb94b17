package io.originwatch.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The application's own settings that the manifests must agree with, read from the source of
 * truth (application.properties and Quarkus' fixed health paths) rather than repeated in tests.
 */
final class AppSettings {

    static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    static final String LIVENESS_PATH = "/q/health/live";
    static final String READINESS_PATH = "/q/health/ready";
    static final String STARTUP_PATH = "/q/health/started";
    static final String METRICS_PATH = "/q/metrics";
    /** Quarkus' own default when application.properties leaves the port alone. */
    private static final String QUARKUS_DEFAULT_HTTP_PORT = "8080";

    private AppSettings() {
    }

    /** {@code quarkus.http.port} of the production profile (what the container listens on). */
    static int httpPort() {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Integer.parseInt(props.getProperty("quarkus.http.port", QUARKUS_DEFAULT_HTTP_PORT).trim());
    }
}
