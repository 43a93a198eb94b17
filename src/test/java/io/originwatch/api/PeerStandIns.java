package io.originwatch.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.originwatch.testing.FakeOrigin;
import io.originwatch.testing.FakeOriginsResource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The origins of {@link FakeOriginsResource} seen from vantage {@code eu}, with five peer vantages
 * standing in on loopback:
 *
 * <ol>
 *   <li>{@code us}: answers {@code /api/origins/{name}} in the documented shape (broken down, ok up,
 *       later pending, anything else 404), and 401 unless its bearer token (read from a token file)
 *       comes along;
 *   <li>{@code ap}: accepts connections and never answers;
 *   <li>{@code sa}: answers 500;
 *   <li>{@code af}: answers 200 with HTML;
 *   <li>{@code me}: answers the head, a piece of JSON, then stalls the body.
 * </ol>
 */
public class PeerStandIns extends FakeOriginsResource {

    static final String US_TOKEN = "peer-token-us-7d2a";
    static final String TIMEOUT = "2s";

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected Map<String, String> config(FakeOrigin origin) {
        Map<String, String> c = super.config(origin);
        try {
            Path tokenFile = Files.createTempFile("peer-us-token", ".txt");
            tokenFile.toFile().deleteOnExit();
            Files.writeString(tokenFile, US_TOKEN + "\n");
            c.put("originwatch.vantage", "eu");
            c.put("originwatch.vantage-quorum", "2");
            c.put("originwatch.peer-timeout", TIMEOUT);
            peer(c, 0, "us", http(this::usApi));
            c.put("originwatch.peers[0].token-file", tokenFile.toString());
            peer(c, 1, "ap", silent());
            peer(c, 2, "sa", http(e -> answer(e, 500, "text/plain", "boom")));
            peer(c, 3, "af", http(e -> answer(e, 200, "text/html", "<html>not an origin</html>")));
            peer(c, 4, "me", http(this::stall));
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void peer(Map<String, String> c, int i, String name, int port) {
        c.put("originwatch.peers[" + i + "].name", name);
        c.put("originwatch.peers[" + i + "].url", "http://127.0.0.1:" + port + "/");
    }

    private interface Handler {
        void handle(HttpExchange e) throws IOException;
    }

    private int http(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", e -> {
            try (e) {
                handler.handle(e);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        open.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    private int silent() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(socket);
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    open.add(s); // held open, never read or answered
                } catch (IOException e) {
                    return;
                }
            }
        });
        return socket.getLocalPort();
    }

    private void usApi(HttpExchange e) throws IOException {
        if (!("Bearer " + US_TOKEN).equals(e.getRequestHeaders().getFirst("Authorization"))) {
            answer(e, 401, "application/json", "{\"error\":\"unauthorized\"}");
            return;
        }
        String path = e.getRequestURI().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String body = switch (name) {
            case "broken" -> origin(name, "unexpected_status", false, "\"2026-12-01T10:00:00Z\"");
            case "ok" -> origin(name, "ok", true, "\"2026-12-01T10:00:01Z\"");
            case "later" -> origin(name, "pending", false, "null");
            default -> null;
        };
        if (!path.startsWith("/api/origins/") || body == null) {
            answer(e, 404, "application/json", "{\"error\":\"unknown_origin\"}");
        } else {
            answer(e, 200, "application/json", body);
        }
    }

    private static String origin(String name, String cause, boolean up, String probedAt) {
        return "{\"name\":\"" + name + "\",\"cause\":\"" + cause + "\",\"up\":" + up + ",\"probedAt\":" + probedAt
                + ",\"owner\":null}";
    }

    private void stall(HttpExchange e) throws IOException {
        e.getResponseHeaders().set("Content-Type", "application/json");
        e.sendResponseHeaders(200, 0);
        OutputStream out = e.getResponseBody();
        out.write("{\"name\":".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            release.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        e.getResponseBody().write(bytes);
    }

    @Override
    public void stop() {
        release.countDown();
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing stand-ins at the end of the tests
            }
        }
        super.stop();
    }
}
