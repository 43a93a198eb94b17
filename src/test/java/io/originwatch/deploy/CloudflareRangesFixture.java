package io.originwatch.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cloudflare's range API ({@code /client/v4/ips}, its real JSON shape) served on loopback, so the
 * daemon's edge-range refresh succeeds without leaving the machine.
 */
final class CloudflareRangesFixture implements AutoCloseable {

    static final String PATH = "/client/v4/ips";
    private static final String BODY_RESOURCE = "/deploy/cloudflare-ips.json";
    private static final String ETAG = "\"38f79d050aa027e3be3865e495dcc9bc\"";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    CloudflareRangesFixture() throws IOException {
        byte[] body;
        try (InputStream in = CloudflareRangesFixture.class.getResourceAsStream(BODY_RESOURCE)) {
            if (in == null) {
                throw new IOException("test resource missing: " + BODY_RESOURCE);
            }
            body = in.readAllBytes();
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", ETAG);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
