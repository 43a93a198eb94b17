package io.originwatch.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The lab's misbehaviours, one factory per way an origin can go wrong. Every behaviour first reads
 * the request head: closing a socket with unread input makes the kernel send RST instead of FIN,
 * which would turn every "close" scenario into a reset.
 */
final class Behaviours {

    /** Bound on the request head the lab reads; probes send a few hundred bytes. */
    static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;

    private static final int CHUNK_BYTES = 1024;

    private Behaviours() {}

    /** Answers with {@code response} and closes (close_notify first on TLS). */
    static Behaviour respond(String response) {
        return respondAfter(Duration.ZERO, response);
    }

    /** Waits {@code delay} after the request, then answers with {@code response} and closes. */
    static Behaviour respondAfter(Duration delay, String response) {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        return socket -> {
            readRequestHead(socket.getInputStream());
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        };
    }

    /** Closes with SO_LINGER 0 after the request, so the peer sees RST. */
    static Behaviour resetAfterRequest() {
        return socket -> {
            readRequestHead(socket.getInputStream());
            socket.setSoLinger(true, 0);
        };
    }

    /** Closes politely after the request without one byte of response. */
    static Behaviour closeAfterRequest() {
        return socket -> readRequestHead(socket.getInputStream());
    }

    /** Says nothing after the request and waits for the prober to give up and close. */
    static Behaviour silentAfterRequest() {
        return socket -> {
            InputStream in = socket.getInputStream();
            readRequestHead(in);
            while (in.read() >= 0) {
                // discard until the prober closes
            }
        };
    }

    /** Answers a TLS ClientHello with plain-text HTTP, as a port 443 mistakenly serving http does. */
    static Behaviour plainTextOnTlsPort() {
        byte[] reply = ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return socket -> {
            byte[] hello = new byte[5];
            // The TLS record header is 5 bytes; reading it proves a ClientHello arrived.
            socket.getInputStream().readNBytes(hello, 0, hello.length);
            socket.getOutputStream().write(reply);
            socket.getOutputStream().flush();
        };
    }

    /** Sends a status line, then drips one more header byte every {@code interval}, forever. */
    static Behaviour drip(Duration interval) {
        byte[] start = "HTTP/1.1 200 OK\r\nX-Drip: ".getBytes(StandardCharsets.ISO_8859_1);
        return socket -> {
            readRequestHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int i = 0; ; i++) {
                out.write(i < start.length ? start[i] : 'z');
                out.flush();
                Thread.sleep(interval);
            }
        };
    }

    /** A status line followed by header fields without end, as fast as the peer reads. */
    static Behaviour endlessHeaders() {
        String filler = "x".repeat(100);
        return socket -> {
            readRequestHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (long i = 0; ; i++) {
                out.write(("X-Filler-" + i + ": " + filler + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        };
    }

    /** A valid head announcing a chunked body that never ends. */
    static Behaviour endlessBody() {
        byte[] chunk = ("400\r\n" + "b".repeat(CHUNK_BYTES) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return socket -> {
            readRequestHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            while (true) {
                out.write(chunk);
            }
        };
    }

    /** A complete, ordinary response with a body of {@code bodyBytes} bytes. */
    static String okResponse(int status, String reason, String extraHeaders, int bodyBytes) {
        return "HTTP/1.1 " + status + " " + reason + "\r\nServer: originwatch-lab\r\nContent-Type: text/plain\r\n"
                + extraHeaders + "Content-Length: " + bodyBytes + "\r\nConnection: close\r\n\r\n"
                + "o".repeat(bodyBytes);
    }

    /** Filler header lines of 100 bytes each, {@code totalBytes / 100} of them. */
    static String fillerHeaders(int totalBytes) {
        StringBuilder sb = new StringBuilder(totalBytes);
        for (int i = 0; i < totalBytes / 100; i++) {
            sb.append(String.format("X-Filler-%03d: ", i % 1000))
                    .append("f".repeat(84))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /** Reads until the empty line that ends the request head, or end of stream. */
    static void readRequestHead(InputStream in) throws IOException {
        int state = 0;
        for (int n = 0; n < MAX_REQUEST_HEAD_BYTES; n++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : b == '\r' ? 1 : 0;
                default -> 0;
            };
            if (state == 4) {
                return;
            }
        }
    }
}
