package io.originwatch.probe;

import java.time.Instant;
import java.util.List;

/**
 * What the TLS handshake showed. The leaf fields are recorded even when validation fails, so a 526
 * can say "expired on 2026-01-02" or "names [a.test] do not match origin.test".
 *
 * @param protocol      e.g. TLSv1.3; null if the handshake did not complete
 * @param cipherSuite   negotiated suite; null if the handshake did not complete
 * @param leafSubject   subject DN of the leaf certificate, or null if none was seen
 * @param leafSans      DNS and IP subject alternative names
 * @param leafIssuer    issuer DN
 * @param leafNotAfter  expiry of the leaf
 * @param leafNotBefore start of validity of the leaf
 * @param validationError why the chain or name failed validation, or null if it passed
 * @param alpn          the application protocol the origin selected in ALPN ({@code h2},
 *                      {@code http/1.1}), or null when none was negotiated or the handshake did not
 *                      complete
 * @param clientAuth    what the origin asked of the client and what the probe presented; never null
 */
public record TlsFacts(
        String protocol,
        String cipherSuite,
        String leafSubject,
        List<String> leafSans,
        String leafIssuer,
        Instant leafNotAfter,
        Instant leafNotBefore,
        String validationError,
        String alpn,
        ClientAuth clientAuth)
        implements java.io.Serializable {

    /**
     * TLS client authentication in one handshake.
     *
     * @param requested          the origin sent a CertificateRequest
     * @param requestedIssuers   the CAs it named in it (RFC 2253), possibly none
     * @param sent               the probe presented its client certificate
     * @param certificateSubject subject of the configured client certificate, or null when none is configured
     * @param certificateNotAfter its expiry, or null when none is configured
     */
    public record ClientAuth(
            boolean requested,
            List<String> requestedIssuers,
            boolean sent,
            String certificateSubject,
            Instant certificateNotAfter)
            implements java.io.Serializable {

        /** Nothing requested, nothing configured. */
        public static final ClientAuth NONE = new ClientAuth(false, List.of(), false, null, null);

        public ClientAuth {
            requestedIssuers = requestedIssuers == null ? List.of() : List.copyOf(requestedIssuers);
        }

        /** A client certificate is configured for the origin. */
        public boolean configured() {
            return certificateSubject != null;
        }
    }

    public TlsFacts {
        leafSans = leafSans == null ? List.of() : List.copyOf(leafSans);
        alpn = alpn == null || alpn.isEmpty() ? null : alpn;
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
    }

    /** Facts with no client authentication. */
    public TlsFacts(
            String protocol,
            String cipherSuite,
            String leafSubject,
            List<String> leafSans,
            String leafIssuer,
            Instant leafNotAfter,
            Instant leafNotBefore,
            String validationError,
            String alpn) {
        this(
                protocol,
                cipherSuite,
                leafSubject,
                leafSans,
                leafIssuer,
                leafNotAfter,
                leafNotBefore,
                validationError,
                alpn,
                ClientAuth.NONE);
    }

    /** Facts of a handshake with no ALPN outcome (plain HTTP/1.1 offers). */
    public TlsFacts(
            String protocol,
            String cipherSuite,
            String leafSubject,
            List<String> leafSans,
            String leafIssuer,
            Instant leafNotAfter,
            Instant leafNotBefore,
            String validationError) {
        this(
                protocol,
                cipherSuite,
                leafSubject,
                leafSans,
                leafIssuer,
                leafNotAfter,
                leafNotBefore,
                validationError,
                null);
    }

    /** The same facts with the ALPN outcome. */
    public TlsFacts withAlpn(String selected) {
        return new TlsFacts(
                protocol,
                cipherSuite,
                leafSubject,
                leafSans,
                leafIssuer,
                leafNotAfter,
                leafNotBefore,
                validationError,
                selected,
                clientAuth);
    }

    /** The same facts with this client authentication. */
    public TlsFacts withClientAuth(ClientAuth auth) {
        return new TlsFacts(
                protocol,
                cipherSuite,
                leafSubject,
                leafSans,
                leafIssuer,
                leafNotAfter,
                leafNotBefore,
                validationError,
                alpn,
                auth);
    }
}
