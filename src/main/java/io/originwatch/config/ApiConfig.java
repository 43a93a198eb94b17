package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code originwatch.api.*}: access to the REST API (issue 7); see docs/evidence.md. */
@ConfigMapping(prefix = "originwatch.api")
public interface ApiConfig {

    /**
     * When set, evidence endpoints (HAR, support bundle) and every write endpoint require
     * {@code Authorization: Bearer <token>}; metrics and health stay open. Unset = open API.
     */
    Optional<String> token();
}
