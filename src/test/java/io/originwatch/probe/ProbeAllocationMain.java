package io.originwatch.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Bytes allocated per plain-HTTP probe on the probing thread, and per {@link RequestHead#build}: a
 * figure for bench/README.md, not a test. Answers like the bench's nginx ({@code 200}, a 3-byte
 * body) from a loopback socket served on other threads, so only the prober's allocation is counted
 * ({@code ThreadMXBean.getCurrentThreadAllocatedBytes}, exact, unlike JFR's samples). Uses only the
 * public API, so the same class runs against an older build's jar on the class path:
 *
 * <pre>
 * java -cp 'target/test-classes:target/quarkus-app/app/*:target/quarkus-app/lib/main/*' \
 *     io.originwatch.probe.ProbeAllocationMain [probes]
 * </pre>
 */
public final class ProbeAllocationMain {

    private static final byte[] RESPONSE =
            ("HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: Wed, 02 Dec 2026 04:00:00 GMT\r\n"
                            + "Content-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n")
                    .getBytes(StandardCharsets.ISO_8859_1);

    private ProbeAllocationMain() {}

    public static void main(String[] args) throws Exception {
        int probes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> serve(server));
            ProbeSpec spec = new ProbeSpec(
                    "alloc",
                    URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"),
                    "bench.test",
                    "GET",
                    List.of(),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    8 * 1024,
                    64 * 1024,
                    StatusSet.parse("200-399"),
                    true,
                    null,
                    "originwatch/0.1");
            Prober prober = new Prober(Resolver.SYSTEM);
            for (int round = 0; round < 3; round++) {
                int failed = 0;
                long before = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                for (int i = 0; i < probes; i++) {
                    if (prober.probe(spec, ProbeListener.NONE).failure() != null) {
                        failed++;
                    }
                }
                long nanos = System.nanoTime() - start;
                long bytes = threads.getCurrentThreadAllocatedBytes() - before;
                System.out.printf(
                        "round %d: %d probes (%d failed), %.0f bytes/probe on the probing thread, %.0f us/probe wall%n",
                        round, probes, failed, (double) bytes / probes, nanos / 1_000.0 / probes);
            }
            int builds = 200_000;
            for (int round = 0; round < 3; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                long sink = 0;
                for (int i = 0; i < builds; i++) {
                    sink += RequestHead.build(spec).length;
                }
                long nanos = System.nanoTime() - start;
                long bytes = threads.getCurrentThreadAllocatedBytes() - before;
                System.out.printf(
                        "RequestHead.build round %d: %.0f bytes/build, %.0f ns/build (%d bytes each)%n",
                        round, (double) bytes / builds, (double) nanos / builds, sink / builds);
            }
        }
    }

    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> answer(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            byte[] b = new byte[4096];
            int seen = 0;
            int n;
            while ((n = in.read(b, seen, b.length - seen)) > 0) {
                seen += n;
                if (seen >= 4
                        && b[seen - 4] == '\r'
                        && b[seen - 3] == '\n'
                        && b[seen - 2] == '\r'
                        && b[seen - 1] == '\n') {
                    break;
                }
            }
            OutputStream out = s.getOutputStream();
            out.write(RESPONSE);
            out.flush();
        } catch (IOException e) {
            // the prober gave up
        }
    }
}
