package io.originwatch.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-off misbehaving origin for cases the lab does not cover: a loopback listener on port 0 whose
 * connections each run {@code script} on a virtual thread. Closing it interrupts the scripts.
 */
final class ScriptedOrigin implements AutoCloseable {

    /** What the origin does with one connection. */
    interface Script {
        void run(Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    ScriptedOrigin(Script script) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.add(Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    threads.add(Thread.ofVirtual().start(() -> {
                        try (s) {
                            script.run(s);
                        } catch (IOException | InterruptedException e) {
                            // the prober gave up or the test is over
                        }
                    }));
                } catch (IOException e) {
                    // closed
                }
            }
        }));
    }

    /**
     * Reads the ClientHello, then sends a TLS record header announcing 16 KiB and drips its body one
     * byte every 100 ms: each read the TLS stack makes returns in time, so only the prober's
     * watchdog can end the handshake. (A dripping fixture is the one place a test sleeps.)
     */
    static Script dripTlsRecord() {
        return s -> {
            s.getInputStream().read(new byte[512]);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
            for (int i = 0; i < 1_000; i++) {
                out.write(0x02);
                out.flush();
                Thread.sleep(100);
            }
        };
    }

    /** Sends {@code partial} after the request, waits until {@code readByPeer} opens, then resets. */
    static Script partialHeadThenReset(byte[] partial, CountDownLatch readByPeer) {
        return s -> {
            s.getInputStream().read(new byte[4096]);
            s.getOutputStream().write(partial);
            s.getOutputStream().flush();
            // RST discards whatever the peer has not read yet, so wait for its first read
            readByPeer.await(5, TimeUnit.SECONDS);
            s.setSoLinger(true, 0);
        };
    }

    URI url(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.forEach(Thread::interrupt);
    }
}
