package io.originwatch.probe;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.conscrypt.Conscrypt;

/**
 * Probe TLS through Conscrypt (BoringSSL over JNI). A full TLS 1.3 handshake with an ECDSA P-256
 * certificate costs the JDK's pure-Java EC crypto about 0.75 ms of CPU on a 2-core box; BoringSSL
 * does the same key exchange and signature check in a small fraction of that.
 *
 * <p>These settings make a probe on it equivalent to one on the JDK stack, and keep it lean:
 * <ul>
 * <li>engine sockets: Conscrypt's default socket does its I/O inside native code on the file
 * descriptor, which would pin a virtual thread to its carrier while the origin is slow; the
 * engine socket keeps the crypto native and does the I/O through the Java socket, which
 * unmounts (on JDK 24+: the engine socket blocks inside {@code synchronized}, see
 * {@link #unmountsWhileBlocked()});</li>
 * <li>no session resumption (see {@link #clientSockets}): every probe sees the certificate the
 * origin serves now, through a full handshake, as the edge would;</li>
 * <li>pooled direct buffers ({@link DirectBufferPool}): otherwise each socket's 16 KiB of native
 * memory waits for a garbage collection;</li>
 * <li>no trust manager of its own ({@code provideTrustManager(false)}): certificates are judged by
 * the prober's capturing trust manager over the JDK's PKIX, exactly as with the JDK stack.</li>
 * </ul>
 * The provider is private to originwatch (never installed in {@link java.security.Security}), so
 * nothing else in the JVM changes provider.
 */
public final class ConscryptTls implements TlsStack {

    /** Shared by every Conscrypt socket of the JVM (Conscrypt's default is global). */
    private static final DirectBufferPool BUFFERS = new DirectBufferPool();

    private final Provider provider;

    private ConscryptTls(Provider provider) {
        this.provider = provider;
    }

    /** First JDK on which a virtual thread blocked inside {@code synchronized} unmounts (JEP 491). */
    public static final int UNPINNED_MONITORS_SINCE = 24;

    /**
     * Whether probes on Conscrypt keep virtual threads unmounted while they wait on the network:
     * Conscrypt's sockets read and handshake inside {@code synchronized} blocks, which before
     * JDK 24 pin the virtual thread to its carrier, so a few slow origins would stall every probe.
     */
    public static boolean unmountsWhileBlocked() {
        return Runtime.version().feature() >= UNPINNED_MONITORS_SINCE;
    }

    /**
     * Conscrypt, if its native library loads on this platform.
     *
     * @throws IllegalStateException with the loader's reason when it does not
     */
    public static ConscryptTls load() {
        try {
            Conscrypt.checkAvailability();
            Conscrypt.setDefaultBufferAllocator(BUFFERS);
            return new ConscryptTls(
                    Conscrypt.newProviderBuilder().provideTrustManager(false).build());
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError and friends: no native library for this OS/CPU, or a libc mismatch
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Conscrypt's native library does not load here: " + cause, e);
        }
    }

    @Override
    public String name() {
        return "conscrypt";
    }

    @Override
    public SSLSocketFactory clientSockets(KeyManager keys, TrustManager trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS", provider);
        context.init(keys == null ? null : new KeyManager[] {keys}, new TrustManager[] {trust}, null);
        // Never resume: Conscrypt caches every session and TLS 1.3 ticket per host and port, and a
        // resumed handshake shows no certificate. It treats a session timeout of 0 literally (every
        // cached session is already expired when looked up), unlike the JDK's "no limit".
        // ConscryptTlsTest holds it to that with an origin that issues tickets.
        context.getClientSessionContext().setSessionTimeout(0);
        SSLSocketFactory sockets = context.getSocketFactory();
        Conscrypt.setUseEngineSocket(sockets, true);
        return sockets;
    }
}
