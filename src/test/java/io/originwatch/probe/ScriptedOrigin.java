package io.originwatch.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    URI url(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.forEach(Thread::interrupt);
    }
}
