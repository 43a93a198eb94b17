package io.originwatch.probe;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the PKIX trust manager so that a probe sees the server's chain and the validation outcome
 * even when validation fails. For a socket registered by a probe it never throws: the handshake
 * completes, and the prober decides afterwards (tls-verify on: 526; off: a warning). That keeps
 * certificate failures apart from every other handshake failure (525). Sockets not registered are
 * validated strictly.
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

    CapturingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
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
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        Capture capture = captures.get(socket);
        if (capture != null) {
            probeChecks.incrementAndGet();
        }
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            if (capture == null) {
                throw e;
            }
            capture.validationError = CertificateCheck.reason(chain, authType, capture.host, delegate, e, Instant.now());
        }
        if (capture != null) {
            capture.chain = chain.clone();
        }
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
