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
 * SSL socket factories shared across probes, one per trust-ca file and client certificate (keyed by
 * path and modification time of each file, so a rotated CA, certificate or key is picked up by the
 * next probe). Connections and sessions are never shared: see {@link Prober}. Building happens
 * outside the map (no computeIfAbsent) so a slow build never blocks other keys and never pins a
 * virtual thread inside the map's lock.
 */
final class TlsClients {

    /** One socket factory with the trust and key managers that capture its handshakes. */
    record TlsClient(
            SSLSocketFactory sockets,
            CapturingTrustManager trust,
            CapturingKeyManager keys,
            ClientCertificate.Loaded clientCertificate) {}

    private record Key(
            Path trustCa,
            FileTime modified,
            TlsTrust tlsTrust,
            Path clientCert,
            FileTime certModified,
            Path clientKey,
            FileTime keyModified) {

        /** The same files, whatever their versions. */
        boolean sameFiles(Key other) {
            return java.util.Objects.equals(trustCa, other.trustCa)
                    && tlsTrust == other.tlsTrust
                    && java.util.Objects.equals(clientCert, other.clientCert)
                    && java.util.Objects.equals(clientKey, other.clientKey);
        }
    }

    private final Map<Key, TlsClient> cache = new ConcurrentHashMap<>();
    private final TlsStack stack;
    /** The roots {@code tls-trust: add} starts from: the JDK's (null), or a test's stand-in for them. */
    private final KeyStore defaultRoots;

    TlsClients(TlsStack stack) {
        this(stack, null);
    }

    /** For tests: {@code defaultRoots} stands in for the JDK's roots (a "public" CA of the test's own). */
    TlsClients(TlsStack stack, KeyStore defaultRoots) {
        this.stack = stack;
        this.defaultRoots = defaultRoots;
    }

    TlsStack stack() {
        return stack;
    }

    /** The client for {@code trustCa} (null = JDK CAs only) and no client certificate. */
    TlsClient forTrustCa(Path trustCa) throws IOException, GeneralSecurityException {
        return forSpec(trustCa, TlsTrust.ADD, null);
    }

    /** The client for {@code trustCa} added to the JDK's CAs, presenting {@code client} (null = none). */
    TlsClient forSpec(Path trustCa, ClientCertificate client) throws IOException, GeneralSecurityException {
        return forSpec(trustCa, TlsTrust.ADD, client);
    }

    /**
     * The client for {@code trustCa} (null = JDK CAs only) added to the JDK's CAs or, with
     * {@link TlsTrust#REPLACE}, trusted alone, presenting {@code client} (null = none).
     *
     * @throws IOException naming the file when it cannot be read or holds no certificate
     *                     ({@link ClientCertificate.Unusable} for the client certificate's files)
     */
    TlsClient forSpec(Path trustCa, TlsTrust trust, ClientCertificate client)
            throws IOException, GeneralSecurityException {
        if (trust == TlsTrust.REPLACE && trustCa == null) {
            throw new IOException("tls-trust replace without a trust-ca");
        }
        Key key = new Key(
                absolute(trustCa),
                modified(trustCa),
                trust,
                client == null ? null : absolute(client.certificate()),
                client == null ? null : modifiedOrUnusable(client.certificate(), false),
                client == null ? null : absolute(client.key()),
                client == null ? null : modifiedOrUnusable(client.key(), true));
        TlsClient tls = cache.get(key);
        if (tls == null) {
            tls = build(key, client == null ? null : client.load());
            // Older versions of the same files are dead weight now.
            cache.keySet().removeIf(k -> k.sameFiles(key) && !key.equals(k));
            TlsClient raced = cache.putIfAbsent(key, tls);
            tls = raced == null ? tls : raced;
        }
        return tls;
    }

    private static Path absolute(Path file) {
        return file == null ? null : file.toAbsolutePath().normalize();
    }

    private static FileTime modified(Path file) throws IOException {
        return file == null ? null : Files.getLastModifiedTime(file);
    }

    private static FileTime modifiedOrUnusable(Path file, boolean keyFile) throws ClientCertificate.Unusable {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new ClientCertificate.Unusable(
                    file,
                    keyFile,
                    "cannot read: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e));
        }
    }

    private TlsClient build(Key key, ClientCertificate.Loaded client) throws IOException, GeneralSecurityException {
        CapturingTrustManager capturing = trustFor(new TrustKey(key.trustCa(), key.modified(), key.tlsTrust()));
        CapturingKeyManager keys = new CapturingKeyManager(client);
        return new TlsClient(stack.clientSockets(keys, capturing), capturing, keys, client);
    }

    private record TrustKey(Path trustCa, FileTime modified, TlsTrust tlsTrust) {}

    /**
     * One trust manager per trust-ca version, shared by the clients of every client certificate:
     * building it (the JDK's roots plus the file) is the costly part, and its cache of validated
     * chains is worth sharing.
     */
    private final Map<TrustKey, CapturingTrustManager> trusts = new ConcurrentHashMap<>();

    private CapturingTrustManager trustFor(TrustKey key) throws IOException, GeneralSecurityException {
        CapturingTrustManager trust = trusts.get(key);
        if (trust == null) {
            trust = new CapturingTrustManager(trustManager(key.trustCa(), key.tlsTrust()));
            trusts.keySet()
                    .removeIf(k -> java.util.Objects.equals(k.trustCa(), key.trustCa())
                            && k.tlsTrust() == key.tlsTrust()
                            && !key.equals(k));
            CapturingTrustManager raced = trusts.putIfAbsent(key, trust);
            trust = raced == null ? trust : raced;
        }
        return trust;
    }

    /**
     * PKIX over the default roots plus {@code trustCa} ({@link TlsTrust#ADD}), or over
     * {@code trustCa} alone ({@link TlsTrust#REPLACE}: the edge's Custom Origin Trust Store).
     */
    private X509ExtendedTrustManager trustManager(Path trustCa, TlsTrust mode)
            throws IOException, GeneralSecurityException {
        X509ExtendedTrustManager jdk = pkix(defaultRoots);
        X509ExtendedTrustManager trust = jdk;
        if (trustCa != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            if (mode == TlsTrust.ADD) {
                for (X509Certificate ca : jdk.getAcceptedIssuers()) {
                    store.setCertificateEntry("jdk-" + i++, ca);
                }
            }
            for (Certificate ca : readPem(trustCa)) {
                store.setCertificateEntry("trust-ca-" + i++, ca);
            }
            trust = pkix(store);
        }
        return trust;
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
