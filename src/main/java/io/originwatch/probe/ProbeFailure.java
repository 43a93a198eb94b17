package io.originwatch.probe;

import io.originwatch.http1.ParseFailure;
import io.originwatch.http2.H2Failure;

/**
 * Why a probe did not end with a complete response head. Decided by the prober where it happens;
 * the classifier maps each to a cause.
 */
public sealed interface ProbeFailure extends java.io.Serializable {

    /** Name resolution failed or the network said host/network unreachable. */
    record Unreachable(String reason) implements ProbeFailure {}

    /** TCP connect refused (RST to SYN). */
    record Refused(String reason) implements ProbeFailure {}

    /** TCP handshake not complete within the connect timeout. */
    record ConnectTimeout(long timeoutMillis) implements ProbeFailure {}

    /** The TLS handshake failed for a reason other than certificate validation. */
    record TlsHandshake(String reason) implements ProbeFailure {}

    /** The handshake completed but the certificate failed validation (tls-verify on). */
    record TlsCertificate(String reason) implements ProbeFailure {}

    /**
     * The origin refused the probe's client certificate (or its absence) with a TLS alert: during
     * the handshake (TLS 1.2, where the certificate is checked before the handshake completes; the
     * edge answers 525) or right after it (TLS 1.3, where the client finishes first; 520).
     *
     * @param alert           the alert's name as in RFC 8446, e.g. {@code certificate_required}
     * @param alertCode       its number, e.g. 116
     * @param duringHandshake true when it ended the handshake, false when it came after it
     */
    record ClientCertificateRejected(String alert, int alertCode, boolean duringHandshake) implements ProbeFailure {}

    /** Connection reset after the TCP handshake, before the header section was complete. */
    record Reset(long responseBytes, boolean requestSent) implements ProbeFailure {}

    /** The complete header section did not arrive within the response timeout. */
    record ResponseTimeout(long timeoutMillis, long responseBytes) implements ProbeFailure {}

    /** The bytes that arrived are not a usable HTTP/1.x response head. */
    record Parse(ParseFailure failure) implements ProbeFailure {}

    /** ALPN selected h2 and the HTTP/2 exchange gave no usable head (see {@link H2Failure}). */
    record H2(H2Failure failure) implements ProbeFailure {}

    /** Anything else (e.g. a local I/O error); kept distinct so it is never mistaken for an origin fault. */
    record Internal(String reason) implements ProbeFailure {}
}
