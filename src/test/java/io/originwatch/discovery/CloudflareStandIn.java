package io.originwatch.discovery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A loopback stand-in for Cloudflare's v4 API, serving the documented shapes: {@code GET /zones}
 * (optionally {@code ?name=}) and {@code GET /zones/{id}/dns_records}, every answer the envelope
 * {@code {success, errors, messages, result, result_info}} paginated by {@code page} and
 * {@code per_page} (the stand-in's own page size is small, so a handful of records spans pages).
 * A request without the expected Bearer token answers 403 as Cloudflare does. Scripted faults
 * ({@link Fault}) answer the next requests in order before normal service resumes.
 */
public final class CloudflareStandIn implements AutoCloseable {

    public static final String TOKEN = "cf-test-token-7f3a9c1e2b";
    /** Records per page, whatever per_page the client asks for, so pagination is always exercised. */
    static final int PAGE_SIZE = 2;

    /** One scripted answer in place of the normal one. */
    public enum Fault {
        RATE_LIMITED,
        SERVER_ERROR,
        MALFORMED_JSON,
        FORBIDDEN,
        SUCCESS_FALSE
    }

    private final HttpServer server;
    private final Map<String, String> zones = new LinkedHashMap<>();
    private final List<Map<String, Object>> records = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public CloudflareStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/client/v4/", this::handle);
        server.start();
    }

    /** The API base to configure as {@code api-url}. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4");
    }

    public CloudflareStandIn zone(String id, String name) {
        zones.put(id, name);
        return this;
    }

    public CloudflareStandIn record(
            String zoneId, String id, String type, String name, String content, boolean proxied) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("zone_id", zoneId);
        r.put("zone_name", zones.get(zoneId));
        r.put("name", name);
        r.put("type", type);
        r.put("content", content);
        r.put("proxiable", true);
        r.put("proxied", proxied);
        r.put("ttl", 1);
        records.add(r);
        return this;
    }

    public void removeRecord(String id) {
        records.removeIf(r -> r.get("id").equals(id));
    }

    public void changeContent(String id, String content) {
        records.stream().filter(r -> r.get("id").equals(id)).forEach(r -> r.put("content", content));
    }

    public void clearRecords() {
        records.clear();
    }

    public void fail(Fault... next) {
        faults.addAll(List.of(next));
    }

    public int requests() {
        return requests.get();
    }

    /** Every Authorization header received. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(auth));
        Fault fault = faults.poll();
        if (fault == Fault.FORBIDDEN || !("Bearer " + TOKEN).equals(auth)) {
            send(
                    ex,
                    403,
                    "{\"success\":false,\"errors\":[{\"code\":9109,\"message\":\"Unauthorized to access requested resource\"}],"
                            + "\"messages\":[],\"result\":null}");
            return;
        }
        if (fault == Fault.RATE_LIMITED) {
            ex.getResponseHeaders().add("Retry-After", "0");
            send(
                    ex,
                    429,
                    "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait and consider throttling your request speed\"}]}");
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            send(ex, 502, "<html><body>502 Bad Gateway</body></html>");
            return;
        }
        if (fault == Fault.MALFORMED_JSON) {
            send(ex, 200, "{\"success\":true,\"result\":[{\"id\":");
            return;
        }
        if (fault == Fault.SUCCESS_FALSE) {
            send(
                    ex,
                    200,
                    "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":\"Internal error\"}],\"result\":null}");
            return;
        }
        String path = ex.getRequestURI().getPath().substring("/client/v4".length());
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        List<Map<String, Object>> items;
        if (path.equals("/zones")) {
            items = new ArrayList<>();
            zones.forEach((id, name) -> {
                if (!query.containsKey("name") || query.get("name").equals(name)) {
                    items.add(Map.of("id", id, "name", name, "status", "active"));
                }
            });
        } else if (path.matches("/zones/[^/]+/dns_records")) {
            String zoneId = path.split("/")[2];
            if (!zones.containsKey(zoneId)) {
                send(ex, 404, "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Could not route\"}]}");
                return;
            }
            items = records.stream()
                    .filter(r -> r.get("zone_id").equals(zoneId))
                    .toList();
        } else {
            send(ex, 404, "{\"success\":false,\"errors\":[{\"code\":7000,\"message\":\"No route for that URI\"}]}");
            return;
        }
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int totalPages = Math.max(1, (items.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Map<String, Object>> slice =
                items.subList(Math.min(items.size(), (page - 1) * PAGE_SIZE), Math.min(items.size(), page * PAGE_SIZE));
        String result = slice.stream().map(CloudflareStandIn::json).collect(Collectors.joining(",", "[", "]"));
        send(
                ex,
                200,
                "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + result
                        + ",\"result_info\":{\"page\":" + page + ",\"per_page\":" + PAGE_SIZE + ",\"count\":"
                        + slice.size()
                        + ",\"total_count\":" + items.size() + ",\"total_pages\":" + totalPages + "}}");
    }

    private static String json(Map<String, Object> m) {
        return m.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":"
                        + (e.getValue() instanceof String s ? "\"" + s + "\"" : String.valueOf(e.getValue())))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(
                            pair.substring(0, eq),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
