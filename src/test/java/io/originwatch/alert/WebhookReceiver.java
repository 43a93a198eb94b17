package io.originwatch.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A webhook receiver on a loopback port: records every request and answers scripted statuses (then 200). */
final class WebhookReceiver implements AutoCloseable {

    record Request(String path, Map<String, List<String>> headers, byte[] body, int answeredWith) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    final Queue<Request> requests = new ConcurrentLinkedQueue<>();

    WebhookReceiver(Integer... statuses) throws IOException {
        script.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer scripted = script.poll();
            int status = scripted == null ? 200 : scripted;
            requests.add(new Request(
                    exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, status));
            byte[] answer = (status == 200 ? "ok" : "scripted failure").getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Request> accepted() {
        return requests.stream().filter(r -> r.answeredWith() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
