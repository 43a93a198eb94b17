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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 origin on port 0 for daemon tests. The request path picks the behaviour:
 * {@code /ok} answers 200, {@code /status/NNN} answers NNN, {@code /slow/MILLIS} waits, then
 * answers 200 (the one place a test fixture sleeps), {@code /reset} closes at once with RST.
 * Counts requests per path.
 */
public final class FakeOrigin implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public FakeOrigin() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::accept);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
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

    private void serve(Socket socket) {
        try (socket) {
            String path = readRequestPath(socket.getInputStream());
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            OutputStream out = socket.getOutputStream();
            if (path.equals("/reset")) {
                socket.setSoLinger(true, 0);
                return;
            }
            int status = 200;
            if (path.startsWith("/status/")) {
                status = Integer.parseInt(path.substring("/status/".length()));
            } else if (path.startsWith("/slow/")) {
                Thread.sleep(Duration.ofMillis(Long.parseLong(path.substring("/slow/".length()))));
            }
            out.write(("HTTP/1.1 " + status + " Fake\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\nok").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the prober may close first (timeouts); nothing to report
        }
    }

    private static String readRequestPath(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        String[] requestLine = head.toString().split("\r\n", 2)[0].split(" ");
        return requestLine.length > 1 ? requestLine[1] : "";
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
