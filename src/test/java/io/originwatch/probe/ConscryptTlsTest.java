package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.lab.LabOrigin;
import io.originwatch.lab.OriginLab;
import io.originwatch.testing.ProbeBuilder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The Conscrypt stack as the daemon wires it: loads here (linux x86_64), layers engine sockets over
 * the prober's own TCP socket (Java I/O, so a waiting virtual thread unmounts), and completes a real
 * TLS 1.3 handshake with the lab's https origin. The cause catalogue on Conscrypt is covered by the
 * prober tests' second surefire run ({@code prober-on-conscrypt}).
 */
class ConscryptTlsTest {

    @Test
    void layersEngineSocketsOverTheProbersOwnSocket() throws Exception {
        TlsStack tls = ConscryptTls.load();
        assertThat(tls.name()).isEqualTo("conscrypt");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        SSLSocketFactory sockets = tls.clientSockets(tmf.getTrustManagers()[0]);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket raw = new Socket()) {
            raw.connect(server.getLocalSocketAddress());
            SSLSocket ssl = (SSLSocket) sockets.createSocket(raw, "a.test", server.getLocalPort(), true);
            assertThat(ssl.getClass().getName())
                    .as("not the file-descriptor socket, whose native I/O pins carriers")
                    .contains("EngineSocket");
            assertThat(ssl.getSupportedProtocols()).contains("TLSv1.3", "TLSv1.2");
        }
    }

    /**
     * The lab's TLS servers (the JDK's) issue TLS 1.3 session tickets; a resumed session would show
     * no certificate, so the wrong name of lab-certificate-invalid would go unseen after the first probe.
     */
    @Test
    void everyProbeIsAFullHandshakeThatSeesTheCertificate() throws Exception {
        try (OriginLab lab = OriginLab.start()) {
            LabOrigin o = origin(lab, "lab-certificate-invalid");
            Prober prober = conscryptProber(lab);
            ProbeSpec spec = spec(lab, o);
            for (int i = 0; i < 8; i++) {
                ProbeResult r = prober.probe(spec, ProbeListener.NONE);
                assertThat(r.head().status()).isEqualTo(200);
                assertThat(r.tls().validationError())
                        .as("probe %d", i)
                        .isEqualTo("names [some-other-site.lab.test] do not match " + o.host());
            }
        }
    }

    @Test
    void probesTheLabsHttpsOriginOnAVirtualThread() throws Exception {
        try (OriginLab lab = OriginLab.start();
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            LabOrigin o = origin(lab, "lab-ok-https");
            Prober prober = conscryptProber(lab);
            ProbeSpec spec = spec(lab, o);
            Future<ProbeResult> f = threads.submit(() -> prober.probe(spec, ProbeListener.NONE));
            ProbeResult r = f.get(30, TimeUnit.SECONDS);
            assertThat(r.failure()).isNull();
            assertThat(r.head().status()).isEqualTo(200);
            assertThat(r.tls().protocol()).isEqualTo("TLSv1.3");
            assertThat(r.tls().validationError()).isNull();
            assertThat(r.tls().leafSans()).contains(o.host());
        }
    }

    private static LabOrigin origin(OriginLab lab, String name) {
        return lab.origins().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Prober conscryptProber(OriginLab lab) {
        return new Prober(
                h -> lab.lookup(h).orElseThrow(() -> new UnknownHostException(h)),
                Prober.DEFAULT_BODY_CAPTURE_BYTES,
                ConscryptTls.load());
    }

    /** The lab origin's own settings (its tls-verify included), trusting the lab CA. */
    private static ProbeSpec spec(OriginLab lab, LabOrigin o) {
        return ProbeBuilder.lab(o).trustCa(lab.caPemFile()).spec();
    }
}
