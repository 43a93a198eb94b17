package io.originwatch.lab;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The lab's own small PKI, generated at start-up: one CA and leaves signed by it. ECDSA P-256 keys
 * because they are generated in about a millisecond, against tens for RSA.
 */
final class LabCertificates {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final char[] NO_PASSWORD = new char[0];

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

    /** A client leaf and its key, as PEM text: a probe's tls-client-certificate and tls-client-key. */
    record ClientPem(String certificate, String key) {}

    LabCertificates(Instant now) throws GeneralSecurityException {
        this(now, "CN=originwatch lab CA,O=originwatch");
    }

    /** A PKI whose CA is named {@code caName} (RFC 2253). */
    LabCertificates(Instant now, String caName) throws GeneralSecurityException {
        caKeys = newKeyPair();
        // X500Principal parses RFC 2253 text in its usual order, so getName() prints it back the same.
        X500Principal name = new X500Principal(caName);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    name,
                    nextSerial(),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    name,
                    caKeys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            ca = new JcaX509CertificateConverter().getCertificate(b.build(signer()));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build the lab CA: " + e.getMessage(), e);
        }
    }

    X509Certificate ca() {
        return ca;
    }

    /** The CA certificate as PEM, for a prober's trust-ca. */
    String caPem() throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(ca);
        }
        return out.toString();
    }

    /**
     * A server-side TLS context presenting a leaf for {@code dnsNames}, valid from {@code notBefore}
     * to {@code notAfter}, signed by the lab CA (the chain sent is leaf + CA).
     */
    SSLContext serverContext(List<String> dnsNames, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        return serverContext(dnsNames, notBefore, notAfter, null);
    }

    /**
     * As {@link #serverContext(List, Instant, Instant)}, judging client certificates against
     * {@code clientCa} alone (the CA it names in its CertificateRequest), or the JDK's CAs when null.
     */
    SSLContext serverContext(List<String> dnsNames, Instant notBefore, Instant notAfter, X509Certificate clientCa)
            throws GeneralSecurityException {
        KeyPair keys = newKeyPair();
        X509Certificate leaf = leaf(keys, dnsNames, notBefore, notAfter, KeyPurposeId.id_kp_serverAuth);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry("leaf", keys.getPrivate(), NO_PASSWORD, new Certificate[] {leaf, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, NO_PASSWORD);
        TrustManager[] clientTrust = null;
        if (clientCa != null) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try {
                trusted.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException(e);
            }
            trusted.setCertificateEntry("client-ca", clientCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            clientTrust = tmf.getTrustManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), clientTrust, null);
        return ctx;
    }

    /**
     * A client leaf ({@code CN=<cn>}, extended key usage clientAuth) signed by this CA, valid from
     * {@code notBefore} to {@code notAfter}, with its key as unencrypted PKCS#8 PEM.
     */
    ClientPem clientLeaf(String cn, Instant notBefore, Instant notAfter) throws GeneralSecurityException, IOException {
        KeyPair keys = newKeyPair();
        X509Certificate leaf = leaf(keys, List.of(cn), notBefore, notAfter, KeyPurposeId.id_kp_clientAuth);
        StringWriter cert = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(cert)) {
            pem.writeObject(leaf);
        }
        StringWriter key = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(key)) {
            pem.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        }
        return new ClientPem(cert.toString(), key.toString());
    }

    private X509Certificate leaf(
            KeyPair keys, List<String> dnsNames, Instant notBefore, Instant notAfter, KeyPurposeId purpose)
            throws GeneralSecurityException {
        X500Principal subject = new X500Principal("CN=" + dnsNames.get(0) + ",O=originwatch lab");
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    ca, nextSerial(), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            b.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(dnsNames.stream()
                            .map(n -> new GeneralName(GeneralName.dNSName, n))
                            .toArray(GeneralName[]::new)));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            return new JcaX509CertificateConverter().getCertificate(b.build(signer()));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build a lab leaf for " + dnsNames + ": " + e.getMessage(), e);
        }
    }

    private ContentSigner signer() throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).build(caKeys.getPrivate());
    }

    private BigInteger nextSerial() {
        return BigInteger.valueOf(serials.incrementAndGet());
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        return gen.generateKeyPair();
    }
}
