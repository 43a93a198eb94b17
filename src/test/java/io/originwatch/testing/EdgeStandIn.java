package io.originwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for a CDN edge whose origin is broken: every request gets Cloudflare's 520
 * with a {@code cf-ray} header, as the real edge answers when the origin resets or sends garbage.
 */
public final class EdgeStandIn implements AutoCloseable {

    public static final String RAY_ID = "8a1b2c3d4e5f6789-AMS";
    private static final String BODY = "<html><body>error code: 520</body></html>";

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public EdgeStandIn() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::accept);
    }

    /** An IP-literal URL: the via-edge probe connects here without DNS, Host = 127.0.0.1:port's host. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 520 Unknown Error\r\nDate: Mon, 23 Nov 2026 20:15:30 GMT\r\nContent-Type: text/html\r\n"
                    + "Content-Length: " + BODY.length() + "\r\nConnection: close\r\ncf-cache-status: DYNAMIC\r\n"
                    + "Server: cloudflare\r\ncf-ray: " + RAY_ID + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the prober may close first; nothing to report
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
