package io.originwatch.config;

import java.util.Optional;

/** One entry of {@code originwatch.origins[n]}: the defaults' keys plus what identifies the origin. */
public interface OriginSettings extends OriginDefaults {

    /** Unique name, {@code [a-z0-9._-]+}. */
    Optional<String> name();

    /** http or https URL; its host:port is where the probe connects, path and query are requested. */
    Optional<String> url();

    /** Host header and SNI; default the url's host. */
    Optional<String> host();
}
