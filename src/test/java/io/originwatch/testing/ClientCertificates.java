package io.originwatch.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Client certificates and keys for tests, written as PEM files: RSA or EC, the key as PKCS#8,
 * PKCS#1 / SEC1 ("traditional" OpenSSL) or encrypted PKCS#8. Self-signed unless an issuer is given.
 */
public final class ClientCertificates {

    /** How the key file is written. */
    public enum KeyFormat {
        /** {@code BEGIN PRIVATE KEY} */
        PKCS8,
        /** {@code BEGIN RSA PRIVATE KEY} or {@code BEGIN EC PRIVATE KEY} */
        TRADITIONAL,
        /** {@code BEGIN ENCRYPTED PRIVATE KEY} */
        ENCRYPTED_PKCS8
    }

    /** A certificate and its key. */
    public record Issued(X509Certificate certificate, KeyPair keys) {

        /** Writes {@code <name>.crt} and {@code <name>.key} into {@code dir}; returns the two paths. */
        public Path[] write(Path dir, String name, KeyFormat format) throws IOException {
            Path cert = dir.resolve(name + ".crt");
            Path key = dir.resolve(name + ".key");
            Files.writeString(cert, pem(certificate));
            Files.writeString(key, keyPem(keys, format));
            return new Path[] {cert, key};
        }
    }

    private ClientCertificates() {}

    /**
     * Reads every lab client certificate once before any probe, as the daemon's configuration
     * check does (OriginValidator reads each pair before the first probe). Left to the first probes,
     * that first read (Bouncy Castle's PEM classes, loaded and initialised) ran in the middle of
     * the burst of concurrent lab probes and on a loaded 2-core box delayed the plain-HTTP origins
     * past the slow_response threshold.
     */
    public static void readAll(io.originwatch.lab.OriginLab lab) throws IOException {
        for (io.originwatch.lab.LabOrigin o : lab.origins()) {
            if (o.clientCertificate() != null) {
                new io.originwatch.probe.ClientCertificate(o.clientCertificate(), o.clientKey()).load();
            }
        }
    }

    /** A self-signed client certificate {@code CN=<cn>} with a new {@code RSA} or {@code EC} key, valid until {@code notAfter}. */
    public static Issued selfSigned(String cn, String algorithm, Instant notAfter) throws GeneralSecurityException {
        KeyPair keys = keys(algorithm);
        X500Principal name = new X500Principal("CN=" + cn);
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(System.nanoTime()),
                    Date.from(notAfter.minus(Duration.ofDays(90))),
                    Date.from(notAfter),
                    name,
                    keys.getPublic());
            String signature = algorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
            return new Issued(cert, keys);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    public static KeyPair keys(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            gen.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            gen.initialize(2048);
        }
        return gen.generateKeyPair();
    }

    public static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(o);
        }
        return out.toString();
    }

    /**
     * SEC1 as OpenSSL writes it, the curve inside ({@code parameters [0]}): Bouncy Castle's writer
     * leaves it out for JDK keys, and a SEC1 key without it names no curve.
     */
    private static String sec1(KeyPair keys) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        ASN1ObjectIdentifier curve =
                ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        SubjectPublicKeyInfo spki =
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        ECPrivateKey sec1 = new ECPrivateKey(256, inner.getKey(), spki.getPublicKeyData(), curve);
        StringWriter out = new StringWriter();
        try (PemWriter pem = new PemWriter(out)) {
            pem.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
        return out.toString();
    }

    public static String keyPem(KeyPair keys, KeyFormat format) throws IOException {
        try {
            return switch (format) {
                case PKCS8 -> pem(new JcaPKCS8Generator(keys.getPrivate(), null));
                case TRADITIONAL -> keys.getPrivate().getAlgorithm().equals("EC") ? sec1(keys) : pem(keys);
                case ENCRYPTED_PKCS8 ->
                    pem(new JcaPKCS8Generator(
                            keys.getPrivate(),
                            new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                                    .setPassword("secret".toCharArray())
                                    .build()));
            };
        } catch (OperatorCreationException e) {
            throw new IOException(e);
        }
    }
}
