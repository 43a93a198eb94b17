package io.originwatch.config;

import static io.originwatch.testing.ClientCertificates.KeyFormat.ENCRYPTED_PKCS8;
import static io.originwatch.testing.ClientCertificates.KeyFormat.PKCS8;
import static io.originwatch.testing.ClientCertificates.KeyFormat.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.probe.ClientCertificate;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.testing.ClientCertificates;
import io.originwatch.testing.ClientCertificates.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tls-client-certificate} and {@code tls-client-key}: every supported key format loads into
 * the probe spec; every unusable pair is one error naming its key and file.
 */
class ClientCertificateConfigTest {

    private static final Instant IN_90_DAYS = Instant.now().plus(Duration.ofDays(90));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} key as {1}")
    @CsvSource({"RSA, PKCS8", "RSA, TRADITIONAL", "EC, PKCS8", "EC, TRADITIONAL"})
    void everySupportedKeyFormatLoads(String algorithm, KeyFormat format) throws Exception {
        Path[] files =
                ClientCertificates.selfSigned("edge", algorithm, IN_90_DAYS).write(dir, "edge", format);
        ProbeSpec spec = load(origin(files[0], files[1])).get(0);
        assertThat(spec.clientCertificate()).isEqualTo(new ClientCertificate(files[0], files[1]));
        ClientCertificate.Loaded loaded = spec.clientCertificate().load();
        assertThat(loaded.keyType()).isEqualTo(algorithm);
        assertThat(loaded.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=edge");
    }

    @Test
    void aSec1KeyAfterItsEcParametersBlockLoads() throws Exception {
        // openssl ecparam -genkey writes "BEGIN EC PARAMETERS" before the key
        Path[] files = ClientCertificates.selfSigned("edge", "EC", IN_90_DAYS).write(dir, "edge", TRADITIONAL);
        Files.writeString(
                files[1],
                "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                        + Files.readString(files[1]));
        assertThat(load(origin(files[0], files[1])).get(0).clientCertificate()).isNotNull();
    }

    @Test
    void theDefaultsPairServesEveryOriginAndAnOriginMayOverrideIt() throws Exception {
        Path[] zone = ClientCertificates.selfSigned("zone", "EC", IN_90_DAYS).write(dir, "zone", PKCS8);
        Path[] own = ClientCertificates.selfSigned("own", "RSA", IN_90_DAYS).write(dir, "own", TRADITIONAL);
        Map<String, String> p = new HashMap<>();
        p.put("originwatch.defaults.tls-client-certificate", zone[0].toString());
        p.put("originwatch.defaults.tls-client-key", zone[1].toString());
        p.putAll(named(0, "a"));
        p.putAll(named(1, "b"));
        p.put("originwatch.origins[1].tls-client-certificate", own[0].toString());
        p.put("originwatch.origins[1].tls-client-key", own[1].toString());
        List<ProbeSpec> specs = load(p);
        assertThat(specs.get(0).clientCertificate()).isEqualTo(new ClientCertificate(zone[0], zone[1]));
        assertThat(specs.get(1).clientCertificate()).isEqualTo(new ClientCertificate(own[0], own[1]));
    }

    @Test
    void aKeyOfAnotherCertificateIsAnErrorNamingTheKeyAndBothFiles() throws Exception {
        Path[] a = ClientCertificates.selfSigned("a", "EC", IN_90_DAYS).write(dir, "a", PKCS8);
        Path[] b = ClientCertificates.selfSigned("b", "EC", IN_90_DAYS).write(dir, "b", PKCS8);
        assertErrors(
                origin(a[0], b[1]),
                "originwatch.origins[0].tls-client-key: " + b[1] + ": this key does not belong to the certificate in "
                        + a[0] + " (subject CN=a)");
    }

    @Test
    void aKeyOfAnotherTypeIsAnError() throws Exception {
        Path[] rsa = ClientCertificates.selfSigned("rsa", "RSA", IN_90_DAYS).write(dir, "rsa", PKCS8);
        Path[] ec = ClientCertificates.selfSigned("ec", "EC", IN_90_DAYS).write(dir, "ec", PKCS8);
        assertErrors(
                origin(rsa[0], ec[1]),
                "originwatch.origins[0].tls-client-key: " + ec[1] + ": this key does not belong to the certificate in "
                        + rsa[0] + " (subject CN=rsa)");
    }

    @Test
    void anEncryptedKeyIsAnErrorThatSaysSo() throws Exception {
        Path[] files = ClientCertificates.selfSigned("edge", "EC", IN_90_DAYS).write(dir, "edge", ENCRYPTED_PKCS8);
        assertErrors(
                origin(files[0], files[1]),
                "originwatch.origins[0].tls-client-key: " + files[1] + ": the key is encrypted; originwatch needs an"
                        + " unencrypted key (PKCS#8, PKCS#1 or SEC1 PEM) in a file only it can read");
    }

    @Test
    void aCertificateFileWithNoCertificateAndAKeyFileWithNoKeyAreErrors() throws Exception {
        Path[] files = ClientCertificates.selfSigned("edge", "EC", IN_90_DAYS).write(dir, "edge", PKCS8);
        Path empty = Files.writeString(dir.resolve("empty.crt"), "not pem\n");
        assertErrors(
                origin(empty, files[1]),
                "originwatch.origins[0].tls-client-certificate: " + empty + ": not a PEM certificate: "
                        + certificateParseMessage(empty));
        assertErrors(
                origin(files[0], files[0]),
                "originwatch.origins[0].tls-client-key: " + files[0] + ": expected a private key, found a certificate");
    }

    @Test
    void theKeyNeedsItsCertificateInTheDefaultsToo() throws Exception {
        Path[] files = ClientCertificates.selfSigned("edge", "EC", IN_90_DAYS).write(dir, "edge", PKCS8);
        Map<String, String> p = new HashMap<>(named(0, "a"));
        p.put("originwatch.defaults.tls-client-certificate", files[0].toString());
        assertErrors(p, "originwatch.defaults.tls-client-key: required when tls-client-certificate is set");
    }

    @Test
    void noSecretReachesTheErrorText() throws Exception {
        ClientCertificates.Issued a = ClientCertificates.selfSigned("a", "RSA", IN_90_DAYS);
        Path[] files = a.write(dir, "a", TRADITIONAL);
        Path[] other = ClientCertificates.selfSigned("b", "RSA", IN_90_DAYS).write(dir, "b", TRADITIONAL);
        String keyText = Files.readString(other[1]);
        String body = keyText.lines().skip(1).findFirst().orElseThrow();
        assertThatThrownBy(() -> load(origin(files[0], other[1])))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.errors().toString()).doesNotContain(body));
    }

    private static String certificateParseMessage(Path file) {
        try (var in = Files.newInputStream(file)) {
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
            return "";
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private static Map<String, String> named(int i, String name) {
        return Map.of(
                "originwatch.origins[" + i + "].name", name, "originwatch.origins[" + i + "].url", "https://a.test/");
    }

    private static Map<String, String> origin(Path cert, Path key) {
        Map<String, String> p = new HashMap<>(named(0, "shop"));
        p.put("originwatch.origins[0].tls-client-certificate", cert.toString());
        p.put("originwatch.origins[0].tls-client-key", key.toString());
        return p;
    }

    private static List<ProbeSpec> load(Map<String, String> properties) {
        return ConfigFixture.loader(properties).load().inlineOrigins().stream()
                .map(o -> o.spec())
                .toList();
    }

    private static void assertErrors(Map<String, String> properties, String... expected) {
        assertThatThrownBy(() -> load(properties))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.errors().stream()
                                        .map(ConfigError::toString)
                                        .toList())
                                .containsExactly(expected));
    }
}
