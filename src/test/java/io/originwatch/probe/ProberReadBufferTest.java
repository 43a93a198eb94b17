package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The exchanges' read buffers ({@link ReadBuffers}) against real sockets: every exchange gives its
 * buffer back exactly once however it ends, nothing writes into a buffer once it is back, and one
 * probe's bytes never show in another's evidence, one after the other or thousands at once.
 */
class ProberReadBufferTest {

    private static final byte[] HEAD_A = ("HTTP/1.1 200 OK\r\nX-Origin: a\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 3000\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] BODY_A = "a".repeat(3000).getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] HEAD_B =
            "HTTP/1.1 503 Busy\r\nX-Origin: b\r\nContent-Length: 2\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] BODY_B = "bb".getBytes(StandardCharsets.ISO_8859_1);

    private final ReadBuffers pool = new ReadBuffers();
    private final Prober prober =
            new Prober(Resolver.SYSTEM, Prober.DEFAULT_BODY_CAPTURE_BYTES, new TlsClients(TlsStack.JDK), pool);

    private static ProbeSpec spec(ScriptedOrigin origin, Duration timeout) {
        return ProbeBuilder.probe()
                .name("buffers")
                .url(origin.url("http"))
                .host("buffers.lab.test")
                .connectTimeout(timeout)
                .responseTimeout(timeout)
                .bodyLimit(64 * 1024)
                .userAgent("originwatch-test/1")
                .spec();
    }

    private static void readRequest(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] b = new byte[4096];
        int seen = 0;
        int n;
        // until the empty line that ends the request head
        while ((n = in.read(b, seen, b.length - seen)) > 0) {
            seen += n;
            if (new String(b, 0, seen, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                return;
            }
        }
    }

    private static ScriptedOrigin.Script answer(byte[] head, byte[] body) {
        return s -> {
            readRequest(s);
            OutputStream out = s.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
        };
    }

    private void assertOneIdleZeroedBuffer() {
        assertThat(pool.idle()).as("the exchange's buffer is back, once").isEqualTo(1);
        byte[] b = pool.take();
        assertThat(b).as("and holds no origin bytes").containsOnly(0);
        pool.giveBack(b);
    }

    @Test
    void everyWayAnExchangeEndsGivesTheBufferBackOnce() throws IOException {
        List<ScriptedOrigin.Script> scripts = List.of(
                answer(HEAD_A, BODY_A),
                answer("garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), new byte[0]),
                answer(HEAD_A, Arrays.copyOf(BODY_A, 10)), // closes early: body ended early
                s -> readRequest(s), // closes without answering: empty reply
                s -> {
                    readRequest(s);
                    s.setSoLinger(true, 0); // reset
                },
                s -> {
                    readRequest(s);
                    s.getInputStream().transferTo(OutputStream.nullOutputStream()); // silent: response timeout
                });
        for (ScriptedOrigin.Script script : scripts) {
            try (ScriptedOrigin origin = new ScriptedOrigin(script)) {
                ProbeResult r = prober.probe(spec(origin, Duration.ofMillis(500)), ProbeListener.NONE);
                assertThat(r.evidence().requestHead()).isNotEmpty();
                assertOneIdleZeroedBuffer();
            }
        }
    }

    @Test
    void aProbeThatNeverConnectsTakesNoBuffer() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ProbeSpec refused = ProbeBuilder.probe()
                .name("refused")
                .url("http://127.0.0.1:" + closedPort + "/")
                .host("refused.lab.test")
                .spec();
        ProbeResult r = prober.probe(refused, ProbeListener.NONE);
        assertThat(r.failure()).isInstanceOf(ProbeFailure.Refused.class);
        assertThat(pool.idle()).isZero();
    }

    /**
     * The body drips until the probe's deadline, when the read times out or the watchdog closes the
     * socket from its own thread. Once the probe returned, the buffer is back and the origin keeps
     * writing until it finds the connection gone: nothing of that lands in the buffer.
     */
    @Test
    void noReadFillsABufferAfterItIsBack() throws IOException {
        CountDownLatch gone = new CountDownLatch(1);
        ScriptedOrigin.Script drip = s -> {
            readRequest(s);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            try {
                while (true) {
                    out.write('z');
                    out.flush();
                    Thread.sleep(20); // the origin's pace, not a wait of the test
                }
            } catch (IOException e) {
                gone.countDown();
                throw e;
            }
        };
        try (ScriptedOrigin origin = new ScriptedOrigin(drip)) {
            ProbeResult r = prober.probe(spec(origin, Duration.ofMillis(300)), ProbeListener.NONE);
            assertThat(r.failure()).isNull();
            assertThat(r.bodyBytes()).isPositive();
            assertThat(pool.idle()).isEqualTo(1);
            byte[] back = pool.take();
            Arrays.fill(back, (byte) 0x5A);
            await().atMost(Duration.ofSeconds(10)).until(() -> gone.getCount() == 0);
            assertThat(back).as("untouched since it came back").containsOnly(0x5A);
        }
    }

    private void assertEvidenceOf(ProbeResult r, byte[] head, byte[] body, int status) {
        assertThat(r.failure()).isNull();
        assertThat(r.head().status()).isEqualTo(status);
        assertThat(r.evidence().responseHead()).isEqualTo(head);
        assertThat(r.evidence().body()).isEqualTo(body);
    }

    @Test
    void oneProbesBytesNeverShowInAnothersEvidence() throws Exception {
        try (ScriptedOrigin a = new ScriptedOrigin(answer(HEAD_A, BODY_A));
                ScriptedOrigin b = new ScriptedOrigin(answer(HEAD_B, BODY_B))) {
            ProbeResult first = prober.probe(spec(a, Duration.ofSeconds(5)), ProbeListener.NONE);
            ProbeResult second = prober.probe(spec(b, Duration.ofSeconds(5)), ProbeListener.NONE);
            assertThat(pool.idle())
                    .as("the second probe read into the first one's buffer")
                    .isEqualTo(1);
            assertEvidenceOf(second, HEAD_B, BODY_B, 503);
            assertEvidenceOf(first, HEAD_A, BODY_A, 200);

            // many at once, alternating, on virtual threads as in the daemon
            int probes = 600;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<ProbeResult>> results = new ArrayList<>();
                for (int i = 0; i < probes; i++) {
                    ProbeSpec spec = spec(i % 2 == 0 ? a : b, Duration.ofSeconds(20));
                    results.add(threads.submit(() -> prober.probe(spec, ProbeListener.NONE)));
                }
                for (int i = 0; i < probes; i++) {
                    ProbeResult r = results.get(i).get();
                    if (i % 2 == 0) {
                        assertEvidenceOf(r, HEAD_A, BODY_A, 200);
                    } else {
                        assertEvidenceOf(r, HEAD_B, BODY_B, 503);
                    }
                }
            }
            assertThat(pool.idle()).isBetween(1, ReadBuffers.MAX_POOLED);
            assertThat(pool.idleDistinct()).isTrue();
        }
    }
}
