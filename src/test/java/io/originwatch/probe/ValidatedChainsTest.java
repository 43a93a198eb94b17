package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The validated-chain cache behind {@link CapturingTrustManager}: a chain that passed is not
 * validated again for the same host, and anything that could change the verdict (other bytes,
 * other host, dates, age) sends it through the full validation again, with the same reason as before.
 */
class ValidatedChainsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final String HOST = "a.test";

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final CountingTrust delegate = new CountingTrust();
    private final CapturingTrustManager trust = new CapturingTrustManager(delegate, now::get);

    @Test
    void theSameChainForTheSameHostIsValidatedOnce() throws Exception {
        X509Certificate[] chain = {leaf(HOST, T0.plus(Duration.ofDays(30)))};
        for (int i = 0; i < 3; i++) {
            assertThat(check(chain, HOST).validationError).isNull();
        }
        assertThat(delegate.calls()).isEqualTo(1);
        assertThat(trust.fullValidations()).isEqualTo(1);
        assertThat(trust.probeChecks()).isEqualTo(3);
    }

    @Test
    void aChangedChainIsValidatedAgainAndItsFailureReported() throws Exception {
        X509Certificate good = leaf(HOST, T0.plus(Duration.ofDays(30)));
        X509Certificate other = leaf(HOST, T0.plus(Duration.ofDays(30)));
        check(new X509Certificate[] {good}, HOST);
        delegate.reject(other);
        CapturingTrustManager.Capture c = check(new X509Certificate[] {other}, HOST);
        assertThat(delegate.calls()).isEqualTo(2);
        assertThat(c.validationError).isEqualTo("untrusted issuer CN=test CA");
        check(new X509Certificate[] {other}, HOST);
        assertThat(delegate.calls()).as("failures are never cached").isEqualTo(3);
    }

    @Test
    void aLongerChainWithTheSameLeafIsValidatedAgain() throws Exception {
        X509Certificate good = leaf(HOST, T0.plus(Duration.ofDays(30)));
        check(new X509Certificate[] {good}, HOST);
        check(new X509Certificate[] {good, leaf("ca.test", T0.plus(Duration.ofDays(30)))}, HOST);
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void anotherHostIsValidatedAgain() throws Exception {
        X509Certificate[] chain = {leaf(HOST, T0.plus(Duration.ofDays(30)))};
        check(chain, HOST);
        check(chain, "b.test");
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void aChainThatExpiredSinceIsValidatedAgainAndReportedExpired() throws Exception {
        X509Certificate[] chain = {leaf(HOST, T0.plus(Duration.ofMinutes(5)))};
        check(chain, HOST);
        now.set(T0.plus(Duration.ofMinutes(6)));
        delegate.reject(chain[0]);
        CapturingTrustManager.Capture c = check(chain, HOST);
        assertThat(delegate.calls()).isEqualTo(2);
        assertThat(c.validationError).isEqualTo("certificate expired on 2026-11-23");
    }

    @Test
    void aVerdictOlderThanTheMaximumAgeIsValidatedAgain() throws Exception {
        X509Certificate[] chain = {leaf(HOST, T0.plus(Duration.ofDays(30)))};
        check(chain, HOST);
        now.set(T0.plus(ValidatedChains.MAX_AGE).minusSeconds(1));
        check(chain, HOST);
        assertThat(delegate.calls()).isEqualTo(1);
        now.set(T0.plus(ValidatedChains.MAX_AGE));
        check(chain, HOST);
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void nothingIsCachedWhenRevocationCheckingIsOn() throws Exception {
        ValidatedChains off = new ValidatedChains(now::get, false);
        X509Certificate[] chain = {leaf(HOST, T0.plus(Duration.ofDays(30)))};
        off.remember(chain, "UNKNOWN", HOST);
        assertThat(off.passed(chain, "UNKNOWN", HOST)).isFalse();
        assertThat(off.size()).isZero();
    }

    private CapturingTrustManager.Capture check(X509Certificate[] chain, String host) throws CertificateException {
        Socket socket = new Socket();
        CapturingTrustManager.Capture capture = trust.register(socket, host);
        try {
            trust.checkServerTrusted(chain, "UNKNOWN", socket);
        } finally {
            trust.unregister(socket);
        }
        return capture;
    }

    private static X509Certificate leaf(String name, Instant notAfter) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = gen.generateKeyPair();
        var b = new JcaX509v3CertificateBuilder(
                new X500Principal("CN=test CA"),
                BigInteger.valueOf(System.nanoTime()),
                Date.from(T0.minus(Duration.ofDays(1))),
                Date.from(notAfter),
                new X500Principal("CN=" + name),
                keys.getPublic());
        b.addExtension(
                Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
