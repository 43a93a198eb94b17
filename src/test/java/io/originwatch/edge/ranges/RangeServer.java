package io.originwatch.edge.ranges;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted range-list server on 127.0.0.1, port 0. Each path answers with its current script; a
 * request whose If-None-Match equals the script's ETag gets a 304, as a real CDN API would answer.
 */
public final class RangeServer implements AutoCloseable {

    /** One scripted answer. */
    public record Script(int status, String contentType, String body, String etag) {
        public static Script json(String body, String etag) {
            return new Script(200, "application/json", body, etag);
        }

        public static Script text(String body) {
            return new Script(200, "text/plain", body, null);
        }
    }

    private final HttpServer server;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    /** The If-None-Match header of every request, in order ("" when absent). */
    public final List<String> conditionsSeen = new CopyOnWriteArrayList<>();

    public RangeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public RangeServer serve(String path, Script script) {
        scripts.put(path, script);
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        conditionsSeen.add(inm == null ? "" : inm);
        Script s = scripts.get(ex.getRequestURI().getPath());
        if (s == null) {
            s = new Script(404, "text/plain", "not found", null);
        }
        if (s.etag() != null) {
            ex.getResponseHeaders().set("ETag", s.etag());
        }
        if (s.etag() != null && s.etag().equals(inm)) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        byte[] body = s.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", s.contentType());
        ex.sendResponseHeaders(s.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
