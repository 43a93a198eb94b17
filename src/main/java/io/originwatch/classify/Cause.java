package io.originwatch.classify;

import java.util.Locale;

/**
 * The cause catalogue, in rule order: the first rule that matches wins. {@code edgeStatus} is what a
 * CDN edge answers for the cause; 0 means "the origin's own status".
 *
 * <p>{@link #PROBE_ERROR} sits outside the catalogue: the probe itself failed locally
 * ({@code ProbeFailure.Internal}, e.g. an unreadable trust-ca file), so nothing is known about the
 * origin. It is kept distinct so a local fault is never reported as an origin outage.
 */
public enum Cause {
    UNREACHABLE(523),
    CONNECTION_REFUSED(521),
    CONNECT_TIMEOUT(522),
    TLS_HANDSHAKE_FAILED(525),
    TLS_CERTIFICATE_INVALID(526),
    /**
     * The origin refused the client certificate (missing, or from a CA it does not accept) with a TLS
     * alert: 520 on TLS 1.3, where the alert comes after the handshake; 525 when it ends a TLS 1.2
     * handshake ({@link Classifier} takes the status from the probe, see {@link #edgeStatus}).
     */
    CLIENT_CERTIFICATE_REJECTED(520),
    CONNECTION_RESET(520),
    EMPTY_RESPONSE(520),
    HEADERS_TOO_LARGE(520),
    MISSING_HEADERS(520),
    INVALID_RESPONSE(520),
    /** ALPN selected h2 and the origin answered in HTTP/1.x (or, with http-version "2", did not select h2). */
    H2_SPOKE_HTTP1(520),
    /** GOAWAY before our stream was processed, or an error GOAWAY before the head. */
    H2_GOAWAY(520),
    /** RST_STREAM on our stream before the head (e.g. HTTP_1_1_REQUIRED, REFUSED_STREAM). */
    H2_STREAM_RESET(520),
    /** Frame, SETTINGS, flow-control or HPACK violations, and flood guards. */
    H2_PROTOCOL_ERROR(520),
    /** A decoded head that is not a valid RFC 9113 response. */
    H2_MALFORMED_RESPONSE(520),
    RESPONSE_TIMEOUT(524),
    UNEXPECTED_STATUS(0),
    OK(0),
    /** Not an origin fault: the prober failed locally. No edge status (0) and no HTTP status. */
    PROBE_ERROR(0);

    private final int edgeStatus;
    /** Computed once: the scrape writes it for every origin. */
    private final String label;

    Cause(int edgeStatus) {
        this.edgeStatus = edgeStatus;
        this.label = name().toLowerCase(Locale.ROOT);
    }

    /**
     * The edge's status for this cause, or 0 when the edge passes the origin's status through. For
     * {@link #CLIENT_CERTIFICATE_REJECTED} the status after the handshake (520); during one it is 525.
     */
    public int fixedEdgeStatus() {
        return edgeStatus;
    }

    /** snake_case name used in metrics, JSON, logs and alerts. */
    public String label() {
        return label;
    }

    public boolean healthy() {
        return this == OK;
    }
}
