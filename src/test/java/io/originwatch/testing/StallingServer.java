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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP receiver on a loopback port whose first {@code stalls} connections get a status line and
 * headers announcing a body, and then nothing (the socket stays open); later ones get 200 "ok".
 * The same stand-in serves as a stalling range feed ({@link #body}).
 */
public final class StallingServer implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger stallsLeft;
    private final String body;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger answered = new AtomicInteger();

    public StallingServer(int stalls, String body) throws IOException {
        this.stallsLeft = new AtomicInteger(stalls);
        this.body = body;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("stalling-receiver").start(this::accept);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            readHead(s.getInputStream());
            OutputStream out = s.getOutputStream();
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            if (stallsLeft.getAndDecrement() > 0) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + (payload.length + 1000)
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return; // headers sent, body promised, and then silence until close()
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + payload.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            answered.incrementAndGet();
            s.close();
        } catch (IOException e) {
            // the client gave up: fine
        }
    }

    /** Reads the request head and, with a Content-Length, its body. */
    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
