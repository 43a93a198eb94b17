package io.originwatch.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An origin that hands secrets back: {@code /redirect...} answers 302 with a Location carrying
 * user-info and a token in its query; {@code /broken} sends a Set-Cookie line broken by a control
 * byte (so its value lands in the parse failure's excerpt if nothing redacts it). Every secret
 * contains {@link #CANARY}.
 */
public final class CanaryOrigin implements AutoCloseable {

    public static final String CANARY = "CANARY";

    private final LoopbackServer server;

    /** Every request head received, as sent (the canaries in it are the origin's to see). */
    public final Queue<String> heads = new ConcurrentLinkedQueue<>();

    public CanaryOrigin() throws IOException {
        server = new LoopbackServer(this::serve);
    }

    public URI url(String path) {
        return server.url(path);
    }

    private void serve(Socket socket) {
        try (socket) {
            String head = LoopbackServer.readHead(socket.getInputStream());
            heads.add(head);
            String target = head.split("\r\n", 2)[0].split(" ")[1];
            OutputStream out = socket.getOutputStream();
            if (target.startsWith("/broken")) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: sid=" + CANARY + "-COOKIE\u0001"
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write(("HTTP/1.1 302 Found\r\nLocation: https://u:" + CANARY
                                + "-USERINFO@shop.example.com/next?token="
                                + CANARY + "-LOCATION&page=2\r\nSet-Cookie: sid=" + CANARY
                                + "-SETCOOKIE\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the prober may close first; nothing to report
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
