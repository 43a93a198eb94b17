package io.originwatch.probe;

import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Where the prober's TLS comes from: a JSSE provider. The JDK's own is the default and always
 * there; a native provider (BoringSSL through Conscrypt, wired above this package) does the same
 * handshake for a fraction of the CPU. Whatever the provider, the prober drives an
 * {@link javax.net.ssl.SSLSocket} layered over its own TCP socket, validates with its own trust
 * manager, and never resumes a session.
 */
public interface TlsStack {

    /** The JDK's JSSE ({@code SunJSSE}). */
    TlsStack JDK = new TlsStack() {
        @Override
        public String name() {
            return "jdk";
        }

        /**
         * A fresh context per socket: the JDK caches a client session per host and port as soon as a
         * handshake completes (TLS 1.2) or a ticket arrives (TLS 1.3), has no switch to stop that,
         * and a resumed handshake calls no trust manager. Invalidating at close left a window: a
         * concurrent probe of the same origin resumed the first one's session and saw no certificate.
         * A context costs 6-60 us here (20,000 built in a loop, JDK 25), next to a full handshake's
         * milliseconds. JdkTlsStackTest holds it to that with a connection kept open.
         */
        @Override
        public SSLSocketFactory clientSockets(KeyManager keys, TrustManager trust) throws GeneralSecurityException {
            KeyManager[] km = keys == null ? null : new KeyManager[] {keys};
            TrustManager[] tm = {trust};
            SSLSocketFactory first = context(km, tm).getSocketFactory(); // fail here, not per probe
            return new SessionlessSockets(first, () -> context(km, tm).getSocketFactory());
        }

        private static SSLContext context(KeyManager[] km, TrustManager[] tm) throws GeneralSecurityException {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(km, tm, null);
            return context;
        }
    };

    /** Short name for logs and metrics, e.g. {@code jdk}. */
    String name();

    /**
     * A client socket factory whose handshakes validate the server with {@code trust} (an
     * {@link javax.net.ssl.X509ExtendedTrustManager} called with the layered socket), built once per
     * trust-ca and shared by every probe. Its sockets must block on the calling thread without
     * pinning it to a carrier (plain Java I/O underneath), since probes run on virtual threads.
     * {@code keys} (an {@link javax.net.ssl.X509ExtendedKeyManager}, or null for none) answers the
     * origin's certificate requests.
     */
    SSLSocketFactory clientSockets(KeyManager keys, TrustManager trust) throws GeneralSecurityException;

    /** As {@link #clientSockets(KeyManager, TrustManager)} with no client certificate. */
    default SSLSocketFactory clientSockets(TrustManager trust) throws GeneralSecurityException {
        return clientSockets(null, trust);
    }
}
