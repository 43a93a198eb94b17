package io.originwatch.ui;

import io.originwatch.testing.LoopbackServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two loopback origins beside the lab for the console tests: {@code hostile} answers 503 with
 * markup in its reason phrase, header values and body; {@code flip} answers 200 until a request to
 * {@code /control/reset} on the same server makes it reset every connection (and
 * {@code /control/ok} undoes it), so a test can break an origin while a page is open.
 */
public class ConsoleOrigins implements QuarkusTestResourceLifecycleManager {

    public static final String SCRIPT = "<script>alert('reason')</script>";
    public static final String IMG = "<img src=x onerror=alert('header')>";
    public static final String BODY = "<script>alert('body')</script><b>bold?</b>";

    private final AtomicBoolean reset = new AtomicBoolean();
    private LoopbackServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new LoopbackServer(this::serve);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> c = new HashMap<>();
        c.put("originwatch.origins[0].name", "hostile");
        c.put("originwatch.origins[0].url", server.url("/hostile").toString());
        c.put("originwatch.origins[0].interval", "2s");
        c.put("originwatch.origins[0].labels.expected-cause", "unexpected_status");
        c.put("originwatch.origins[1].name", "flip");
        c.put("originwatch.origins[1].url", server.url("/flip").toString());
        c.put("originwatch.origins[1].interval", "1s");
        c.put("console-test.control-url", server.url("/control/").toString());
        return c;
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String path = LoopbackServer.readHead(in).split("\r\n", 2)[0].split(" ")[1];
            OutputStream out = socket.getOutputStream();
            switch (path) {
                case "/control/reset" -> reset.set(true);
                case "/control/ok" -> reset.set(false);
                case "/flip" -> {
                    if (reset.get()) {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                }
                default -> {}
            }
            String body = path.equals("/hostile") ? BODY : "ok";
            String head = path.equals("/hostile")
                    ? "HTTP/1.1 503 " + SCRIPT + "\r\nX-Evil: " + IMG + "\r\nX-Also: \"quoted\" & <b>bold</b>\r\n"
                    : "HTTP/1.1 200 OK\r\n";
            out.write((head + "Content-Type: text/html\r\nContent-Length: " + body.length()
                            + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the prober may close first; nothing to report
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
