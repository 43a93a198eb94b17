package io.originwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 origin on port 0 for daemon tests. The request path picks the behaviour:
 * {@code /ok} answers 200, {@code /status/NNN} answers NNN, {@code /slow/MILLIS} waits, then
 * answers 200 (the one place a test fixture sleeps), {@code /reset} closes at once with RST.
 * Counts requests per path.
 */
public final class FakeOrigin implements AutoCloseable {

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final LoopbackServer server;

    public FakeOrigin() throws IOException {
        server = new LoopbackServer(this::serve);
    }

    public URI url(String path) {
        return server.url(path);
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
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
                            + "Connection: close\r\n\r\nok")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the prober may close first (timeouts); nothing to report
        }
    }

    private static String readRequestPath(InputStream in) throws IOException {
        String[] requestLine = LoopbackServer.readHead(in).split("\r\n", 2)[0].split(" ");
        return requestLine.length > 1 ? requestLine[1] : "";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
