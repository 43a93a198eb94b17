package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tls-trust} and {@code tls-profile} against {@code openssl s_server} origins, on the stack
 * the run selects (the prober-on-conscrypt execution repeats this class on Conscrypt).
 *
 * <p>Trust: two test CAs. "public" stands in for the JDK's roots (a trust store of its own, since
 * no test can get a real public certificate) and "private" is the origin's trust-ca. With
 * {@code add} an origin signed by either is trusted; with {@code replace} only the private one is,
 * as behind a Custom Origin Trust Store.
 *
 * <p>Profile: an origin that accepts only ChaCha20 on TLS 1.2 (which the edge never offers) fails
 * the handshake with {@code edge} and passes with {@code jdk}; one that accepts only a
 * {@code TLS_RSA_*} suite (which the edge offers) passes on Conscrypt and fails on the JDK, whose
 * security policy disables those suites (docs/configuration.md, "TLS profile").
 */
class ProberTlsOfferTest {

    private static final String HOST = "offer.test";

    private static Path pki;
    private static final List<Process> servers = new ArrayList<>();
    private static int signedByPrivate;
    private static int signedByPublic;
    private static int chachaOnTls12;
    private static int rsaKeyExchangeOnly;
    private static TlsStack stack;
    private static Prober prober;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is installed by .ci/run");
        pki = Files.createTempDirectory("originwatch-tls-offer-");
        ca("private");
        ca("public");
        leaf("by-private", "private", "ec");
        leaf("by-public", "public", "ec");
        leaf("rsa-by-private", "private", "rsa");
        signedByPrivate = sServer("by-private");
        signedByPublic = sServer("by-public");
        chachaOnTls12 = sServer("by-private", "-tls1_2", "-cipher", "ECDHE-ECDSA-CHACHA20-POLY1305");
        rsaKeyExchangeOnly = sServer("rsa-by-private", "-tls1_2", "-cipher", "AES128-GCM-SHA256");
        stack = LabFixture.tlsStack();
        prober = new Prober(
                host -> List.of(InetAddress.getLoopbackAddress()),
                8192,
                new TlsClients(stack, roots(pki.resolve("public.crt"))));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process p : servers) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void addTrustsTheDefaultRootsAndTrustCa() {
        for (int port : List.of(signedByPrivate, signedByPublic)) {
            Verdict v = probe(port, TlsTrust.ADD, TlsProfile.EDGE);
            assertThat(v.cause()).as("%d: %s", port, v.detail()).isEqualTo(Cause.OK);
        }
    }

    @Test
    void replaceTrustsOnlyTrustCa() {
        assertThat(probe(signedByPrivate, TlsTrust.REPLACE, TlsProfile.EDGE).cause())
                .isEqualTo(Cause.OK);
        Verdict v = probe(signedByPublic, TlsTrust.REPLACE, TlsProfile.EDGE);
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.TLS_CERTIFICATE_INVALID);
        assertThat(v.edgeStatus()).isEqualTo(526);
        assertThat(v.detail()).contains("untrusted issuer").contains("CN=originwatch test public CA");
    }

    @Test
    void theTrustManagersAcceptedIssuersAreTheRootsPlusTrustCaOrTrustCaAlone() throws Exception {
        Path trustCa = pki.resolve("private.crt");
        TlsClients standIn = new TlsClients(stack, roots(pki.resolve("public.crt")));
        assertThat(subjects(standIn.forSpec(trustCa, TlsTrust.ADD, null)))
                .containsExactlyInAnyOrder("CN=originwatch test private CA", "CN=originwatch test public CA");
        assertThat(subjects(standIn.forSpec(trustCa, TlsTrust.REPLACE, null)))
                .containsExactly("CN=originwatch test private CA");

        // over the JDK's own roots: add keeps all of them, replace none
        TlsClients jdk = new TlsClients(stack);
        List<String> added = subjects(jdk.forSpec(trustCa, TlsTrust.ADD, null));
        assertThat(added).contains("CN=originwatch test private CA").hasSizeGreaterThan(50);
        assertThat(subjects(jdk.forSpec(trustCa, TlsTrust.REPLACE, null)))
                .containsExactly("CN=originwatch test private CA");
        assertThat(jdk.forSpec(trustCa, TlsTrust.REPLACE, null))
                .as("one client per trust mode")
                .isNotSameAs(jdk.forSpec(trustCa, TlsTrust.ADD, null));
    }

    @Test
    void chaCha20OnTls12FailsTheHandshakeWithTheEdgesOfferAndPassesWithTheJdks() {
        Verdict edge = probe(chachaOnTls12, TlsTrust.ADD, TlsProfile.EDGE);
        assertThat(edge.cause()).as(edge.detail()).isEqualTo(Cause.TLS_HANDSHAKE_FAILED);
        assertThat(edge.edgeStatus()).isEqualTo(525);
        Verdict jdk = probe(chachaOnTls12, TlsTrust.ADD, TlsProfile.JDK);
        assertThat(jdk.cause()).as(jdk.detail()).isEqualTo(Cause.OK);
        assertThat(jdk.result().tls().cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void anRsaKeyExchangeSuiteTheEdgeOffersPassesWhereTheStackCanOfferIt() {
        Verdict v = probe(rsaKeyExchangeOnly, TlsTrust.ADD, TlsProfile.EDGE);
        if (stack == TlsStack.JDK) {
            // jdk.tls.disabledAlgorithms has TLS_RSA_*: the documented gap of the JDK stack
            assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.TLS_HANDSHAKE_FAILED);
        } else {
            assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.OK);
            assertThat(v.result().tls().cipherSuite()).isEqualTo("TLS_RSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @Test
    void theEdgeProfileOffersTheEdgesListInItsOrderAndNothingElse() throws Exception {
        // a socket layered over a connected one, as the prober makes them (no handshake starts here)
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                SSLSocket s = (SSLSocket) new TlsClients(stack)
                        .forTrustCa(null)
                        .sockets()
                        .createSocket(raw, HOST, listener.getLocalPort(), true)) {
            SSLParameters p = s.getSSLParameters();
            TlsProfile.EDGE.apply(p, s.getSupportedProtocols(), s.getSupportedCipherSuites());
            List<String> suites = Arrays.asList(p.getCipherSuites());
            assertThat(TlsProfile.EDGE_CIPHER_SUITES).containsSubsequence(suites);
            assertThat(suites)
                    .contains("TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
                    .noneMatch(n -> n.contains("CHACHA20") && n.startsWith("TLS_ECDHE"))
                    .noneMatch(n -> n.contains("_DHE_") || n.contains("3DES"));
            assertThat(TlsProfile.EDGE_PROTOCOLS).containsSubsequence(Arrays.asList(p.getProtocols()));
            assertThat(p.getProtocols()).contains("TLSv1.3", "TLSv1.2");
            assertThat(p.getNamedGroups()).containsExactly("x25519", "secp256r1", "secp384r1");

            SSLParameters unchanged = s.getSSLParameters();
            TlsProfile.JDK.apply(unchanged, s.getSupportedProtocols(), s.getSupportedCipherSuites());
            assertThat(unchanged.getCipherSuites()).containsExactly(s.getEnabledCipherSuites());
        }
    }

    private static List<String> subjects(TlsClients.TlsClient client) {
        return Arrays.stream(client.trust().getAcceptedIssuers())
                .map(c -> c.getSubjectX500Principal().getName())
                .toList();
    }

    private static Verdict probe(int port, TlsTrust trust, TlsProfile profile) {
        ProbeSpec spec = ProbeSpec.builder()
                .name("offer")
                .url(URI.create("https://127.0.0.1:" + port + "/"))
                .host(HOST)
                .method("GET")
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .headerLimitBytes(8192)
                .bodyLimitBytes(64 * 1024)
                .expectStatus(StatusSet.parse("200-399"))
                .trustCa(pki.resolve("private.crt"))
                .tlsTrust(trust)
                .tlsProfile(profile)
                .userAgent("originwatch-test/1")
                .httpVersion(HttpVersion.HTTP_1_1)
                .build();
        return new Classifier().classify(prober.probe(spec, ProbeListener.NONE), Instant.now());
    }

    /** A trust store holding {@code pem} alone: the test's stand-in for the JDK's public roots. */
    private static KeyStore roots(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate ca =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            store.setCertificateEntry("public", ca);
        }
        return store;
    }

    private static void ca(String name) throws IOException, InterruptedException {
        RealNginx.run(
                pki,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".crt",
                "-days",
                "2",
                "-subj",
                "/CN=originwatch test " + name + " CA");
    }

    private static void leaf(String name, String ca, String alg) throws IOException, InterruptedException {
        List<String> req = new ArrayList<>(List.of("openssl", "req", "-newkey"));
        req.addAll(alg.equals("ec") ? List.of("ec", "-pkeyopt", "ec_paramgen_curve:prime256v1") : List.of("rsa:2048"));
        req.addAll(List.of("-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + HOST));
        RealNginx.run(pki, req.toArray(String[]::new));
        Files.writeString(pki.resolve(name + ".ext"), "subjectAltName=DNS:" + HOST + "\n");
        RealNginx.run(
                pki,
                "openssl",
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                ca + ".crt",
                "-CAkey",
                ca + ".key",
                "-CAcreateserial",
                "-extfile",
                name + ".ext",
                "-out",
                name + ".crt",
                "-days",
                "2");
    }

    /** {@code openssl s_server -www} with {@code name}'s certificate and any extra options. */
    private static int sServer(String name, String... options) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                "openssl",
                "s_server",
                "-accept",
                "127.0.0.1:" + port,
                "-cert",
                pki.resolve(name + ".crt").toString(),
                "-key",
                pki.resolve(name + ".key").toString(),
                "-www",
                "-quiet"));
        command.addAll(List.of(options));
        Path log = pki.resolve("s_server-" + port + ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        servers.add(p);
        int bound = port;
        await().atMost(Duration.ofSeconds(20)).until(() -> !p.isAlive() || listening(bound));
        if (!p.isAlive()) {
            throw new IOException("openssl s_server exited: " + Files.readString(log));
        }
        return port;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
