package io.originwatch.api;

import io.originwatch.probe.TlsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the latest TLS handshake showed, also when validation failed (a 526 names the certificate's
 * names and expiry). Times ISO-8601 (UTC); {@code daysLeft} counts from the probe, negative once expired.
 * {@code clientCertificateRequested}: the origin sent a CertificateRequest (Authenticated Origin
 * Pulls enforced), naming {@code clientCertificateIssuers} (possibly none);
 * {@code clientCertificateSent}: the probe presented the configured {@code clientCertificateSubject}
 * (null when none is configured), which expires at {@code clientCertificateNotAfter}.
 */
public record TlsView(
        String protocol,
        String cipherSuite,
        String subject,
        List<String> names,
        String issuer,
        String notBefore,
        String notAfter,
        Long daysLeft,
        String validationError,
        boolean clientCertificateRequested,
        List<String> clientCertificateIssuers,
        boolean clientCertificateSent,
        String clientCertificateSubject,
        String clientCertificateNotAfter) {

    static TlsView of(TlsFacts t, Instant probedAt) {
        if (t == null) {
            return null;
        }
        return new TlsView(
                t.protocol(),
                t.cipherSuite(),
                t.leafSubject(),
                t.leafSans(),
                t.leafIssuer(),
                t.leafNotBefore() == null ? null : t.leafNotBefore().toString(),
                t.leafNotAfter() == null ? null : t.leafNotAfter().toString(),
                t.leafNotAfter() == null
                        ? null
                        : Duration.between(probedAt, t.leafNotAfter()).toDays(),
                t.validationError(),
                t.clientAuth().requested(),
                t.clientAuth().requestedIssuers(),
                t.clientAuth().sent(),
                t.clientAuth().certificateSubject(),
                t.clientAuth().certificateNotAfter() == null
                        ? null
                        : t.clientAuth().certificateNotAfter().toString());
    }
}
