package io.originwatch.classify;

import java.util.Locale;

/** Conditions worth knowing beside the cause: not a failure yet. */
public enum Warning {
    /** Header section at or above 75% of the limit, not over it. */
    HEADERS_NEAR_LIMIT,
    /** Time to first byte at or above 50% of the response timeout. */
    SLOW_RESPONSE,
    /** Leaf certificate expires within 14 days. */
    CERTIFICATE_EXPIRING,
    /** Certificate invalid while tls-verify is off (the edge's "Full" mode tolerates it). */
    CERTIFICATE_INVALID,
    /** The stream ended before Content-Length or the last chunk. */
    BODY_TRUNCATED,
    /**
     * A client certificate is configured but the origin's handshake never asked for one:
     * Authenticated Origin Pulls is not enforced, anyone can reach the origin directly.
     */
    CLIENT_CERTIFICATE_NOT_REQUESTED,
    /** The configured client certificate expires within 14 days, or has expired. */
    CLIENT_CERTIFICATE_EXPIRING;

    /** Made once: the label is read after every probe (metrics, the console's live rows). */
    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
