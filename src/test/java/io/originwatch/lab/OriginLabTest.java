package io.originwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lab's own contract, checked with raw sockets (the prober tests check what a probe concludes). */
class OriginLabTest {

    private static final Set<String> CAUSES = Set.of(
            "unreachable",
            "connection_refused",
            "connect_timeout",
            "tls_handshake_failed",
            "tls_certificate_invalid",
            "client_certificate_rejected",
            "connection_reset",
            "empty_response",
            "headers_too_large",
            "missing_headers",
            "invalid_response",
            "h2_spoke_http1",
            "h2_goaway",
            "h2_stream_reset",
            "h2_protocol_error",
            "h2_malformed_response",
            "response_timeout",
            "unexpected_status",
            "ok");
    private static final Set<String> WARNINGS = Set.of(
            "headers_near_limit",
            "slow_response",
            "certificate_expiring",
            "certificate_invalid",
            "body_truncated",
            "client_certificate_not_requested",
            "client_certificate_expiring");

    @RegisterExtension
    static final LabExtension LAB = new LabExtension();

    @Test
    void hasOneOriginPerCauseAndPerWarning() {
        List<LabOrigin> origins = LAB.lab().origins();
        assertThat(origins.stream().map(LabOrigin::expectedCause).collect(Collectors.toSet()))
                .isEqualTo(CAUSES);
        assertThat(origins.stream().flatMap(o -> o.expectedWarnings().stream()).collect(Collectors.toSet()))
                .isEqualTo(WARNINGS);
        assertThat(origins)
                .extracting(LabOrigin::name)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.matches("lab-[a-z0-9-]+"));
        assertThat(origins).allSatisfy(o -> {
            assertThat(o.connectTimeout()).isLessThanOrEqualTo(OriginLab.CONNECT_TIMEOUT);
            assertThat(o.responseTimeout()).isLessThanOrEqualTo(OriginLab.RESPONSE_TIMEOUT);
            assertThat(o.host()).endsWith("." + OriginLab.DOMAIN);
        });
    }

    @Test
    void lookupAnswersLabNamesAndReportsTheUnreachableOneAsNonExistent() {
        LabOrigin unreachable = LAB.origin("lab-unreachable");
        assertThat(unreachable.url().getHost()).isEqualTo(unreachable.host());
        assertThat(LAB.lab().lookup(unreachable.host())).contains(List.of());
        LabOrigin ok = LAB.origin("lab-ok");
        assertThat(LAB.lab().lookup(ok.host()))
                .hasValueSatisfying(a -> assertThat(a)
                        .singleElement()
                        .satisfies(addr -> assertThat(addr.isLoopbackAddress()).isTrue()));
        assertThat(LAB.lab().lookup("example.com")).isEmpty();
    }

    @Test
    void refusedPortRefuses() {
        assertThatThrownBy(() ->
                        connect(LAB.origin("lab-connection-refused"), 1_000).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void connectTimeoutTrapReallyTimesOut() {
        assertThatThrownBy(() -> connect(LAB.origin("lab-connect-timeout"), 500).close())
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void okOriginAnswersAnHttpRequest() throws IOException {
        try (Socket s = connect(LAB.origin("lab-ok"), 1_000)) {
            s.getOutputStream()
                    .write("GET / HTTP/1.1\r\nHost: ok.lab.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nhello, world\n");
        }
    }

    @Test
    void caPemFileHoldsTheLabCa() throws Exception {
        try (InputStream in = Files.newInputStream(LAB.lab().caPemFile())) {
            X509Certificate ca =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            assertThat(ca.getSubjectX500Principal().getName()).contains("CN=originwatch lab CA");
            assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void closeStopsEveryListenerAndDeletesTheCaFile() throws IOException {
        OriginLab other = OriginLab.start();
        LabOrigin ok = other.origins().stream()
                .filter(o -> o.name().equals("lab-ok"))
                .findFirst()
                .orElseThrow();
        connect(ok, 1_000).close();
        other.close();
        assertThatThrownBy(() -> connect(ok, 1_000).close()).isInstanceOf(ConnectException.class);
        assertThat(other.caPemFile()).doesNotExist();
    }

    private static Socket connect(LabOrigin origin, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(
                    new InetSocketAddress(
                            origin.url().getHost().replace("[", "").replace("]", ""),
                            origin.url().getPort()),
                    timeoutMillis);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }
}
