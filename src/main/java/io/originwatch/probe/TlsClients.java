package io.originwatch.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * SSL socket factories shared across probes, one per trust-ca file (keyed by path and modification time, so
 * a rotated CA file is picked up). Connections and sessions are never shared: see {@link Prober}.
 * Building happens outside the map (no computeIfAbsent) so a slow build never blocks other keys
 * and never pins a virtual thread inside the map's lock.
 */
final class TlsClients {

    /** One socket factory with the trust manager that captures its handshakes. */
    record TlsClient(SSLSocketFactory sockets, CapturingTrustManager trust) {}

    private record Key(Path trustCa, FileTime modified) {}

    private final Map<Key, TlsClient> cache = new ConcurrentHashMap<>();
    private final TlsStack stack;

    TlsClients(TlsStack stack) {
        this.stack = stack;
    }

    TlsStack stack() {
        return stack;
    }

    /**
     * The client for {@code trustCa} (null = JDK CAs only).
     *
     * @throws IOException naming the file when it cannot be read or holds no certificate
     */
    TlsClient forTrustCa(Path trustCa) throws IOException, GeneralSecurityException {
        Key key = trustCa == null
                ? new Key(null, null)
                : new Key(trustCa.toAbsolutePath().normalize(), Files.getLastModifiedTime(trustCa));
        TlsClient client = cache.get(key);
        if (client == null) {
            client = build(key.trustCa());
            if (trustCa != null) {
                // Older versions of the same file are dead weight now.
                cache.keySet().removeIf(k -> key.trustCa().equals(k.trustCa()) && !key.equals(k));
            }
            TlsClient raced = cache.putIfAbsent(key, client);
            client = raced == null ? client : raced;
        }
        return client;
    }

    private TlsClient build(Path trustCa) throws IOException, GeneralSecurityException {
        X509ExtendedTrustManager jdk = pkix(null);
        X509ExtendedTrustManager trust = jdk;
        if (trustCa != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : jdk.getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + i++, ca);
            }
            for (Certificate ca : readPem(trustCa)) {
                store.setCertificateEntry("trust-ca-" + i++, ca);
            }
            trust = pkix(store);
        }
        CapturingTrustManager capturing = new CapturingTrustManager(trust);
        return new TlsClient(stack.clientSockets(capturing), capturing);
    }

    private static Collection<? extends Certificate> readPem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("trust-ca " + file + ": no PEM certificate found");
            }
            return certs;
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("trust-ca " + file + ": not a PEM certificate bundle: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager pkix(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager from " + tmf.getAlgorithm());
    }
}
