package io.originwatch.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback stand-in for a CDN edge whose origin is broken: every request gets Cloudflare's 520
 * with a {@code cf-ray} header, as the real edge answers when the origin resets or sends garbage.
 */
public final class EdgeStandIn implements AutoCloseable {

    public static final String RAY_ID = "8a1b2c3d4e5f6789-AMS";
    private static final String BODY = "<html><body>error code: 520</body></html>";

    private final LoopbackServer server;

    public EdgeStandIn() throws IOException {
        server = new LoopbackServer(EdgeStandIn::serve);
    }

    /** An IP-literal URL: the via-edge probe connects here without DNS, Host = 127.0.0.1:port's host. */
    public URI url(String path) {
        return server.url(path);
    }

    private static void serve(Socket socket) {
        try (socket) {
            LoopbackServer.readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("HTTP/1.1 520 Unknown Error\r\nDate: Mon, 23 Nov 2026 20:15:30 GMT\r\nContent-Type: text/html\r\n"
                                    + "Content-Length: " + BODY.length()
                                    + "\r\nConnection: close\r\ncf-cache-status: DYNAMIC\r\n"
                                    + "Server: cloudflare\r\ncf-ray: " + RAY_ID + "\r\n\r\n" + BODY)
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the prober may close first; nothing to report
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
