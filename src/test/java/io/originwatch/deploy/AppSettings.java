package io.originwatch.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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

    private AppSettings() {}

    /** {@code quarkus.http.port} of the production profile (what the container listens on). */
    static int httpPort() {
        return Integer.parseInt(properties()
                .getProperty("quarkus.http.port", QUARKUS_DEFAULT_HTTP_PORT)
                .trim());
    }

    /**
     * {@code quarkus.shutdown.timeout} (how long the daemon may take to stop after SIGTERM), in the
     * simple forms used in application.properties ({@code 10s}, {@code 2m}, ISO-8601); empty when
     * the application leaves shutdown unbounded.
     */
    static Optional<Duration> shutdownTimeout() {
        String value = properties().getProperty("quarkus.shutdown.timeout");
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        return Optional.of(Duration.parse(v.startsWith("P") ? v : "PT" + v.toUpperCase(java.util.Locale.ROOT)));
    }

    private static Properties properties() {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
