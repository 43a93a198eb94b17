package io.originwatch.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link DnsOffCarrierTest} in a JVM of its own with {@code -XX:ActiveProcessorCount=1}:
 * probes of names whose lookups never answer, then a probe of an IP literal, and prints how the
 * IP literal's probe ended ({@code ip-literal ok} or {@code ip-literal stuck ...}).
 *
 * <p>The stand-in for a blackholed resolver has to hold its thread the way the system resolver's
 * native {@code getaddrinfo} does, which a Java wait does not (a virtual thread unmounts from it). A
 * thread waiting for a class initializer stays on its carrier (JEP 491 keeps that case pinned), so
 * each lookup here waits for {@link Hang}'s initializer, which waits for a latch that is never
 * opened. Everything else runs on platform threads (the loopback origin), so only the probes'
 * virtual threads depend on the carrier.
 */
public final class BlackholedResolverMain {

    static final CountDownLatch NEVER = new CountDownLatch(1);

    /** Its initializer never ends; every thread touching it waits where it is. */
    static final class Hang {
        static final int VALUE;

        static {
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            VALUE = 1;
        }
    }

    public static void main(String[] args) throws Exception {
        int names = Integer.parseInt(args[0]);
        CountDownLatch entered = new CountDownLatch(1);
        Resolver blackholed = host -> {
            entered.countDown();
            if (Hang.VALUE == 1) {
                throw new java.net.UnknownHostException("unreachable");
            }
            return List.of();
        };
        Prober prober = new Prober(blackholed);
        try (ServerSocket origin = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> serve(origin));
            for (int i = 0; i < names; i++) {
                ProbeSpec viaEdge =
                        spec("edge-" + i, URI.create("http://site-" + i + ".test/"), Duration.ofSeconds(20));
                Thread.ofVirtual().start(() -> prober.probe(viaEdge, ProbeListener.NONE));
            }
            // a lookup hangs (holding whatever thread runs it) before the IP literal's probe starts
            if (!entered.await(10, TimeUnit.SECONDS)) {
                System.out.println("no lookup started");
            }
            ProbeSpec literal = spec(
                    "literal", URI.create("http://127.0.0.1:" + origin.getLocalPort() + "/"), Duration.ofSeconds(2));
            CompletableFuture<ProbeResult> result = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> result.complete(prober.probe(literal, ProbeListener.NONE)));
            try {
                ProbeResult r = result.get(10, TimeUnit.SECONDS);
                System.out.println(
                        r.failure() == null && r.head() != null && r.head().status() == 200
                                ? "ip-literal ok"
                                : "ip-literal failed " + r.failure());
            } catch (java.util.concurrent.TimeoutException e) {
                System.out.println("ip-literal stuck: no result within 10 s");
            }
        }
        System.out.flush();
        Runtime.getRuntime().halt(0); // the hung lookups never end
    }

    private static ProbeSpec spec(String name, URI url, Duration connectTimeout) {
        return new ProbeSpec(
                name,
                url,
                url.getHost(),
                "GET",
                List.of(),
                connectTimeout,
                Duration.ofSeconds(5),
                8192,
                64 * 1024,
                StatusSet.parse("200-399"),
                false,
                null,
                "originwatch-test/1");
    }

    private static void serve(ServerSocket origin) {
        while (!origin.isClosed()) {
            try (Socket s = origin.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[4096];
                int n = in.read(buf); // one read holds the small GET
                if (n > 0) {
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // next connection
            }
        }
    }
}
