package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.lab.LabOrigin;
import io.originwatch.lab.OriginLab;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/**
 * The JDK stack never resumes a session, not even one whose connection is still open: the lab's
 * TLS 1.3 servers issue tickets, and a second handshake to the same origin while the first
 * connection lives must still show the server's certificate to the trust manager. Before, a
 * concurrent probe could resume and report no validation error for a wrong-name certificate.
 */
class JdkTlsStackTest {

    @Test
    void aSecondHandshakeWhileTheFirstConnectionIsOpenIsFull() throws Exception {
        try (OriginLab lab = OriginLab.start()) {
            LabOrigin o = lab.origins().stream()
                    .filter(x -> x.name().equals("lab-certificate-invalid"))
                    .findFirst()
                    .orElseThrow();
            CountingTrust trust = new CountingTrust();
            SSLSocketFactory sockets = TlsStack.JDK.clientSockets(trust);
            InetSocketAddress at = new InetSocketAddress(
                    lab.lookup(o.host()).orElseThrow().getFirst(), o.url().getPort());

            try (Socket raw1 = new Socket();
                    Socket raw2 = new Socket()) {
                raw1.connect(at);
                SSLSocket first = (SSLSocket) sockets.createSocket(raw1, o.host(), at.getPort(), true);
                first.startHandshake();
                exchange(first, o.host()); // reads past the server's NewSessionTicket
                assertThat(trust.calls()).isEqualTo(1);

                raw2.connect(at);
                SSLSocket second = (SSLSocket) sockets.createSocket(raw2, o.host(), at.getPort(), true);
                second.startHandshake();
                assertThat(second.getSession().getProtocol()).isEqualTo("TLSv1.3");
                assertThat(trust.calls())
                        .as("the second handshake was a full one: it showed its certificate")
                        .isEqualTo(2);
                first.close();
                second.close();
            }
        }
    }

    private static void exchange(SSLSocket ssl, String host) throws Exception {
        ssl.getOutputStream()
                .write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        ssl.getOutputStream().flush();
        InputStream in = ssl.getInputStream();
        assertThat(in.read()).as("the response's first byte").isEqualTo('H');
    }
}
