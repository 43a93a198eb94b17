package io.originwatch.config;

/** {@code originwatch.api.auth}: how API callers are authenticated. */
public enum ApiAuth {
    /** A bearer token when one is configured; without one the sensitive endpoints are refused. */
    TOKEN,
    /** Nobody is authenticated and everything is open: an explicit opt-out, logged at start. */
    NONE
}
