package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * {@code originwatch.api.*}: access to the REST API (issues 7 and 13); see docs/evidence.md. Values are
 * kept as text and converted, with errors naming their keys, by {@link ApiSettings}.
 */
@ConfigMapping(prefix = "originwatch.api")
public interface ApiConfig {

    /**
     * The bearer token. With it, everything under {@code /api} requires
     * {@code Authorization: Bearer <token>}; metrics and health stay open. Without it (and without
     * {@link #tokenFile()}), reads are open with secrets masked and the endpoints that cause outbound
     * traffic or hand out evidence answer 403. A blank value is a configuration error.
     */
    Optional<String> token();

    /**
     * A file holding the token (a mounted Kubernetes Secret), re-read when it changes so a rotated
     * token takes effect without a restart; one trailing newline is stripped. Excludes {@link #token()}.
     */
    Optional<String> tokenFile();

    /**
     * {@code token} (default): as above. {@code none}: no authentication at all (logged as a WARN at
     * start). An {@link ApiAuth}.
     */
    @WithDefault("token")
    String auth();

    /** Manual probes of one origin: at most one per this interval; the rest answer 429 with Retry-After. */
    @WithDefault("5s")
    String probeCooldown();
}
