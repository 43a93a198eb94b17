package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Client certificates against real servers, with keys and certificates made by openssl (SEC1 EC,
 * PKCS#1 RSA and PKCS#8 keys as operators have them): Debian's nginx with
 * {@code ssl_verify_client on}, which completes the handshake and answers HTTP 400 without a valid
 * certificate (so {@code unexpected_status}, never a 52x), and {@code openssl s_server -Verify 1},
 * which refuses with a TLS alert as Apache-style servers do ({@code client_certificate_rejected}:
 * 525 on TLS 1.2, 520 on TLS 1.3).
 */
class RealServerClientCertificateTest {

    private static final int NGINX_AOP = 0;
    private static final int NGINX_AOP_TLS12 = 1;
    private static final int NGINX_OPEN = 2;
    private static final String CA_NAME = "CN=originwatch test origin-pull CA";

    private static Path pki;
    private static RealNginx nginx;
    private static final List<Process> servers = new ArrayList<>();
    private static int sServer13;
    private static int sServer12;
    private static Prober prober;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(RealNginx.installed(), "nginx and openssl are installed by .ci/run");
        pki = Files.createTempDirectory("originwatch-aop-");
        openssl(
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt",
                "-days",
                "2",
                "-subj",
                "/CN=originwatch test origin-pull CA");
        // SEC1 ("BEGIN EC PRIVATE KEY", after an EC PARAMETERS block), as openssl ecparam writes it
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "edge.key");
        signed("edge", "/CN=edge");
        // PKCS#1 ("BEGIN RSA PRIVATE KEY")
        openssl("genrsa", "-traditional", "-out", "edge-rsa.key", "2048");
        signed("edge-rsa", "/CN=edge-rsa");
        // PKCS#8, self-signed: a certificate from a CA the origins do not accept
        openssl(
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "stranger.key",
                "-out",
                "stranger.crt",
                "-days",
                "90",
                "-subj",
                "/CN=stranger");
        String verify = "ssl_verify_client on; ssl_client_certificate " + pki.resolve("ca.crt") + "; ";
        String answer = "location / { return 200 \"aop ok\\n\"; }";
        nginx = RealNginx.start(List.of(
                new RealNginx.Server("ssl", verify + answer),
                new RealNginx.Server("ssl", "ssl_protocols TLSv1.2; " + verify + answer),
                new RealNginx.Server("ssl", answer)));
        sServer13 = sServer("-tls1_3");
        sServer12 = sServer("-tls1_2");
        prober = new Prober(host -> List.of(InetAddress.getLoopbackAddress()), 8192, LabFixture.tlsStack());
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : servers) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void nginxAcceptsTheEdgeCertificateWithAnySupportedKeyFormat() {
        for (String name : List.of("edge", "edge-rsa")) {
            Verdict v = probe(nginx.port(NGINX_AOP), client(name));
            assertThat(v.cause()).as("%s: %s", name, v.detail()).isEqualTo(Cause.OK);
            TlsFacts.ClientAuth auth = v.result().tls().clientAuth();
            assertThat(auth.requested()).isTrue();
            assertThat(auth.sent()).isTrue();
            assertThat(auth.requestedIssuers()).containsExactly(CA_NAME);
            assertThat(auth.certificateSubject()).isEqualTo("CN=" + name);
            // (RealNginx's own certificate lives two days: certificate_expiring is about it)
            assertThat(v.warnings())
                    .doesNotContain(Warning.CLIENT_CERTIFICATE_EXPIRING, Warning.CLIENT_CERTIFICATE_NOT_REQUESTED);
        }
    }

    @Test
    void nginxWithoutACertificateIsAn400NotA52x() {
        for (int server : List.of(NGINX_AOP, NGINX_AOP_TLS12)) {
            Verdict v = probe(nginx.port(server), null);
            assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.UNEXPECTED_STATUS);
            assertThat(v.edgeStatus()).isEqualTo(400);
            assertThat(v.detail()).startsWith("status 400 Bad Request not in expected 200-399");
            assertThat(v.result().tls().clientAuth().requested()).isTrue();
            assertThat(v.result().tls().clientAuth().sent()).isFalse();
        }
    }

    @Test
    void nginxWithACertificateFromAnotherCaIsAn400Too() {
        Verdict v = probe(nginx.port(NGINX_AOP), client("stranger"));
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.UNEXPECTED_STATUS);
        assertThat(v.edgeStatus()).isEqualTo(400);
        assertThat(v.result().tls().clientAuth().sent()).isTrue();
    }

    @Test
    void nginxThatNeverAsksGivesTheNotRequestedWarning() {
        Verdict v = probe(nginx.port(NGINX_OPEN), client("edge"));
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.OK);
        assertThat(v.warnings()).contains(Warning.CLIENT_CERTIFICATE_NOT_REQUESTED);
        assertThat(v.result().tls().clientAuth().requested()).isFalse();
    }

    @Test
    void opensslRefusingAMissingCertificateOnTls13IsRejectedWith520() {
        Verdict v = probe(sServer13, null);
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.CLIENT_CERTIFICATE_REJECTED);
        assertThat(v.edgeStatus()).isEqualTo(520);
        assertThat(v.detail())
                .startsWith("origin refused the client certificate with TLS alert certificate_required (116) after"
                        + " the TLS 1.3 handshake (edge: 520); no client certificate is configured");
    }

    @Test
    void opensslRefusingAMissingCertificateOnTls12IsRejectedWith525() {
        Verdict v = probe(sServer12, null);
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.CLIENT_CERTIFICATE_REJECTED);
        assertThat(v.edgeStatus()).isEqualTo(525);
        assertThat(v.detail()).contains("during the TLS handshake").contains("no client certificate is configured");
    }

    @Test
    void opensslRefusingACertificateFromAnotherCaIsRejected() {
        for (int port : List.of(sServer13, sServer12)) {
            Verdict v = probe(port, client("stranger"));
            assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.CLIENT_CERTIFICATE_REJECTED);
            assertThat(v.edgeStatus()).isEqualTo(port == sServer13 ? 520 : 525);
            assertThat(v.detail()).contains("sent CN=stranger");
        }
    }

    @Test
    void opensslAcceptsTheEdgeCertificate() {
        for (int port : List.of(sServer13, sServer12)) {
            Verdict v = probe(port, client("edge"));
            assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.OK);
            assertThat(v.result().tls().clientAuth().sent()).isTrue();
        }
    }

    private static ClientCertificate client(String name) {
        return new ClientCertificate(pki.resolve(name + ".crt"), pki.resolve(name + ".key"));
    }

    private static Verdict probe(int port, ClientCertificate client) {
        ProbeSpec spec = ProbeSpec.builder()
                .name("aop")
                .url(URI.create("https://127.0.0.1:" + port + "/"))
                .host(RealNginx.HOST)
                .method("GET")
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .headerLimitBytes(8192)
                .bodyLimitBytes(64 * 1024)
                .expectStatus(StatusSet.parse("200-399"))
                .trustCa(nginx.certificate())
                .userAgent("originwatch-test/1")
                .httpVersion(HttpVersion.HTTP_1_1)
                .clientCertificate(client)
                .build();
        return new Classifier().classify(prober.probe(spec, ProbeListener.NONE), Instant.now());
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        RealNginx.run(pki, command.toArray(String[]::new));
    }

    private static void signed(String name, String subject) throws IOException, InterruptedException {
        openssl("req", "-new", "-key", name + ".key", "-out", name + ".csr", "-subj", subject);
        openssl(
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                name + ".crt",
                "-days",
                "90");
    }

    /** {@code openssl s_server} requiring a client certificate from the test CA, on one TLS version. */
    private static int sServer(String version) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(
                        "openssl",
                        "s_server",
                        "-accept",
                        "127.0.0.1:" + port,
                        "-cert",
                        nginx.certificate().toString(),
                        "-key",
                        nginx.dir().resolve("key.pem").toString(),
                        "-Verify",
                        "1",
                        "-verify_return_error",
                        "-CAfile",
                        pki.resolve("ca.crt").toString(),
                        version,
                        "-www",
                        "-quiet")
                .redirectErrorStream(true)
                .redirectOutput(pki.resolve("s_server" + version + ".log").toFile())
                .start();
        servers.add(p);
        int bound = port;
        await().atMost(Duration.ofSeconds(20)).until(() -> !p.isAlive() || listening(bound));
        if (!p.isAlive()) {
            throw new IOException(
                    "openssl s_server exited: " + Files.readString(pki.resolve("s_server" + version + ".log")));
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
