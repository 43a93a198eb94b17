package io.originwatch.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The client certificate an origin is probed with ({@code tls-client-certificate} and
 * {@code tls-client-key}): two PEM files, presented when the origin asks for a certificate, as the
 * edge presents its origin-pull certificate (Authenticated Origin Pulls).
 *
 * <p>Keys: unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY})
 * and SEC1 EC ({@code BEGIN EC PRIVATE KEY}, with or without a leading {@code EC PARAMETERS} block).
 * PEM decoding is Bouncy Castle's (well kept, and already the lab's); the pair is checked by signing
 * with the key and verifying with the certificate, which works for every key format alike.
 *
 * @param certificate PEM file: the client leaf first, then any intermediates
 * @param key         PEM file: the leaf's private key, unencrypted
 */
public record ClientCertificate(Path certificate, Path key) {

    public ClientCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
    }

    /** A certificate chain and its private key, read and checked. */
    public record Loaded(X509Certificate[] chain, PrivateKey privateKey) {

        public X509Certificate leaf() {
            return chain[0];
        }

        /** The JSSE key type of the key ({@code RSA} or {@code EC}). */
        public String keyType() {
            return privateKey.getAlgorithm();
        }
    }

    /** Why the files cannot be used; the message names the file (and says nothing of the key itself). */
    public static final class Unusable extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final boolean keyFile;

        Unusable(Path file, boolean keyFile, String message) {
            super(file + ": " + message);
            this.file = file;
            this.keyFile = keyFile;
        }

        /** The file at fault. */
        public Path file() {
            return file;
        }

        /** The fault is in the key file (else in the certificate file). */
        public boolean inKey() {
            return keyFile;
        }
    }

    /**
     * Reads both files and checks they belong together.
     *
     * @throws Unusable naming the file and what is wrong with it (missing, unreadable, not PEM,
     *                  encrypted, unsupported key type, key and certificate not a pair)
     */
    public Loaded load() throws Unusable {
        X509Certificate[] chain = readChain(certificate);
        PrivateKey privateKey = readKey(key);
        String algorithm = privateKey.getAlgorithm();
        if (!algorithm.equals("RSA") && !algorithm.equals("EC")) {
            throw new Unusable(key, true, algorithm + " keys are not supported (RSA or EC)");
        }
        if (!chain[0].getPublicKey().getAlgorithm().equals(algorithm) || !pairs(privateKey, chain[0])) {
            throw new Unusable(
                    key,
                    true,
                    "this key does not belong to the certificate in " + certificate + " (subject "
                            + chain[0].getSubjectX500Principal().getName() + ")");
        }
        return new Loaded(chain, privateKey);
    }

    private static X509Certificate[] readChain(Path file) throws Unusable {
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
            if (chain.length == 0) {
                throw new Unusable(file, false, "no PEM certificate found");
            }
            return chain;
        } catch (CertificateException e) {
            throw new Unusable(file, false, "not a PEM certificate: " + e.getMessage());
        } catch (IOException e) {
            throw new Unusable(file, false, "cannot read: " + describe(e));
        }
    }

    private static PrivateKey readKey(Path file) throws Unusable {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(in)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    // the public half of a SEC1 key is optional: convert the private key alone
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new Unusable(
                            file,
                            true,
                            "the key is encrypted; originwatch needs an unencrypted key"
                                    + " (PKCS#8, PKCS#1 or SEC1 PEM) in a file only it can read");
                }
                if (!(o instanceof ASN1ObjectIdentifier || o instanceof X9ECParameters)) {
                    // EC PARAMETERS may precede an EC key (openssl ecparam -genkey); anything else is not a key
                    throw new Unusable(file, true, "expected a private key, found " + kind(o));
                }
            }
            throw new Unusable(file, true, "no PEM private key found (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        } catch (PEMException e) {
            throw new Unusable(file, true, "not a usable PEM private key: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unusable u) {
                throw u;
            }
            throw new Unusable(file, true, "cannot read a PEM private key: " + describe(e));
        }
    }

    /** Signs a fixed message with the key and verifies it with the certificate's public key. */
    private static boolean pairs(PrivateKey key, X509Certificate cert) {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] message = "originwatch client certificate pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(message);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(message);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String kind(Object o) {
        String name = o.getClass().getSimpleName();
        return name.equals("X509CertificateHolder") ? "a certificate" : name;
    }

    private static String describe(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException
                ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException
                        ? "permission denied"
                        : String.valueOf(e.getMessage());
    }
}
