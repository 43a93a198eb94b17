package io.originwatch.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Wraps the PKIX trust manager so that a probe sees the server's chain and the validation outcome
 * even when validation fails. For a socket registered by a probe it never throws: the handshake
 * completes, and the prober decides afterwards (tls-verify on: 526; off: a warning). That keeps
 * certificate failures apart from every other handshake failure (525). Sockets not registered are
 * validated strictly. A probe's chain that passed before for the same host skips the PKIX path
 * validation ({@link ValidatedChains} argues why that is safe); a failing one is validated in full.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {

    /** What one handshake showed; written on the handshaking thread, read after the handshake. */
    static final class Capture {
        final String host;
        volatile X509Certificate[] chain;
        volatile String validationError;

        Capture(String host) {
            this.host = host;
        }
    }

    private final X509ExtendedTrustManager delegate;
    private final Map<Socket, Capture> captures = new ConcurrentHashMap<>();
    private final AtomicLong probeChecks = new AtomicLong();
    private final AtomicLong fullValidations = new AtomicLong();
    private final ValidatedChains validated;
    private final InstantSource clock;

    CapturingTrustManager(X509ExtendedTrustManager delegate) {
        this(delegate, InstantSource.system());
    }

    CapturingTrustManager(X509ExtendedTrustManager delegate, InstantSource clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = new ValidatedChains(clock);
    }

    /** Starts capturing for {@code socket}, whose certificate must match {@code host}. */
    Capture register(Socket socket, String host) {
        Capture c = new Capture(host);
        captures.put(socket, c);
        return c;
    }

    void unregister(Socket socket) {
        captures.remove(socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String givenAuthType, Socket socket)
            throws CertificateException {
        String authType = jdkAuthType(givenAuthType);
        Capture capture = captures.get(socket);
        if (capture == null) {
            delegate.checkServerTrusted(chain, authType, socket);
            return;
        }
        probeChecks.incrementAndGet();
        if (!validated.passed(chain, authType, capture.host)) {
            fullValidations.incrementAndGet();
            try {
                delegate.checkServerTrusted(chain, authType, socket);
                validated.remember(chain, authType, capture.host);
            } catch (CertificateException e) {
                capture.validationError =
                        CertificateCheck.reason(chain, authType, capture.host, delegate, e, clock.instant());
            }
        }
        capture.chain = chain.clone();
    }

    /**
     * BoringSSL (Conscrypt) names the key exchange of a TLS 1.3 handshake {@code GENERIC}; the JDK's
     * PKIX end-entity check knows it as {@code UNKNOWN} (any key usage that can sign) and rejects
     * names it does not know.
     */
    static String jdkAuthType(String authType) {
        return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
    }

    /** Probe chains that went through the full PKIX and hostname validation (not answered by the cache). */
    long fullValidations() {
        return fullValidations.get();
    }

    /** Chains checked for probes so far: one per full handshake (a resumed session checks none). */
    long probeChecks() {
        return probeChecks.get();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
