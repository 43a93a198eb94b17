package io.originwatch.api;

import io.originwatch.config.ApiAuth;
import io.originwatch.config.ApiConfig;
import io.originwatch.config.ApiSettings;
import io.originwatch.config.SecretFile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Who may call the API: the configured mode and the token in force. With
 * {@code originwatch.api.token-file} the token is re-read when the file's modification time or size
 * changes (a rotated Kubernetes Secret), so rotation needs no restart; a file that cannot be read
 * keeps the last token read (logged once), never opens the API.
 */
@ApplicationScoped
public class ApiAccess {

    private static final Logger LOG = Logger.getLogger(ApiAccess.class);

    @Inject
    ApiConfig config;

    private ApiSettings settings;
    private volatile Loaded loaded;

    private record Loaded(FileTime modified, long size, String token) {}

    @PostConstruct
    void init() {
        // an invalid value is reported by the daemon's start-up check, which then exits; token auth until then
        settings = ApiSettings.from(config, new ArrayList<>());
    }

    void onStart(@Observes StartupEvent e) {
        if (settings.auth() == ApiAuth.NONE) {
            LOG.warn("originwatch.api.auth=none: the API is open to anyone who can reach it, manual probes,"
                    + " edge refreshes and evidence downloads included. Set originwatch.api.token or"
                    + " originwatch.api.token-file instead, or bind the port to loopback.");
        } else if (token().isEmpty()) {
            LOG.infof(
                    "no API token configured: reads are open with secrets masked; manual probes, edge refreshes"
                            + " and evidence downloads answer 403 until %s is set",
                    KEYS);
        }
    }

    /** The keys that turn the protected endpoints on, for messages. */
    static final String KEYS = "originwatch.api.token (or originwatch.api.token-file)";

    public boolean open() {
        return settings.auth() == ApiAuth.NONE;
    }

    /** The token in force, if any. */
    public Optional<String> token() {
        Optional<String> file = config.tokenFile().map(String::strip).filter(f -> !f.isEmpty());
        if (file.isPresent()) {
            return Optional.ofNullable(fromFile(Path.of(file.get())));
        }
        return config.token().filter(t -> !t.isBlank());
    }

    private String fromFile(Path file) {
        Loaded last = loaded;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (last != null && last.modified().equals(modified) && last.size() == size) {
                return last.token();
            }
            String token = SecretFile.read(file);
            if (token.isBlank()) {
                LOG.warnf("originwatch.api.token-file %s is empty now; keeping the previous token", file);
                return last == null ? null : last.token();
            }
            if (last != null) {
                LOG.infof("originwatch.api.token-file %s changed: the new token is in force", file);
            }
            loaded = new Loaded(modified, size, token);
            return token;
        } catch (IOException | UncheckedIOException e) {
            if (last == null) {
                return null;
            }
            LOG.warnf(
                    "originwatch.api.token-file %s unreadable (%s); keeping the previous token", file, e.getMessage());
            return last.token();
        }
    }
}
