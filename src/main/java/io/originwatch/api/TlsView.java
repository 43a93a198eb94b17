package io.originwatch.api;

import io.originwatch.probe.TlsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the latest TLS handshake showed, also when validation failed (a 526 names the certificate's
 * names and expiry). Times ISO-8601 (UTC); {@code daysLeft} counts from the probe, negative once expired.
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
        String validationError) {

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
                t.validationError());
    }
}
