package io.originwatch.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager for tests: accepts every server chain except those whose leaf was {@link
 * #reject rejected}, and counts the validations asked of it with a socket or an engine (what a
 * full handshake asks; a resumed one asks nothing).
 */
final class CountingTrust extends X509ExtendedTrustManager {

    private final Set<X509Certificate> rejected = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();

    void reject(X509Certificate leaf) {
        rejected.add(leaf);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        calls.incrementAndGet();
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        calls.incrementAndGet();
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (rejected.contains(chain[0])) {
            throw new CertificateException("rejected by the test");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
