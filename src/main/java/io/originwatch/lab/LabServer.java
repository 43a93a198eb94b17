package io.originwatch.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * One loopback listener on port 0 whose accept loop and connections each run on a virtual thread.
 * {@link #close()} closes the listener and every open connection and interrupts their threads, so
 * behaviours that sleep or wait for the peer end at once.
 */
final class LabServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LabServer.class.getName());
    /** A lab connection that lingers this long is dropped: probes finish in seconds. */
    static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private static final long ACCEPT_RETRY_MILLIS = 50;

    /** How long a refused client-certificate handshake waits for the rest of the client's flight. */
    private static final int DRAIN_MILLIS = 1_000;

    private final String name;
    private final ServerSocket listener;
    private final Behaviour behaviour;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LabServer(String name, ServerSocket listener, Behaviour behaviour) {
        this.name = name;
        this.listener = listener;
        this.behaviour = behaviour;
    }

    /** Starts a plain-TCP listener, or a TLS one when {@code tls} is not null. */
    static LabServer start(String name, InetAddress address, SSLContext tls, Behaviour behaviour) throws IOException {
        return start(name, address, tls, List.of(), behaviour);
    }

    /**
     * As {@link #start(String, InetAddress, SSLContext, Behaviour)}, with a TLS listener that selects
     * from {@code alpn} (in its order of preference) when the client offers ALPN; empty = no ALPN.
     */
    static LabServer start(String name, InetAddress address, SSLContext tls, List<String> alpn, Behaviour behaviour)
            throws IOException {
        return start(
                name,
                address,
                tls,
                p -> {
                    if (!alpn.isEmpty()) {
                        p.setApplicationProtocols(alpn.toArray(String[]::new));
                    }
                },
                behaviour);
    }

    /**
     * A TLS listener whose parameters {@code tune} adjusts (protocol versions, client
     * authentication, ALPN) before the first connection.
     */
    static LabServer start(
            String name, InetAddress address, SSLContext tls, Consumer<SSLParameters> tune, Behaviour behaviour)
            throws IOException {
        ServerSocket listener = tls == null
                ? new ServerSocket(0, 50, address)
                : tls.getServerSocketFactory().createServerSocket(0, 50, address);
        Behaviour serve = behaviour;
        if (listener instanceof SSLServerSocket ssl) {
            SSLParameters p = ssl.getSSLParameters();
            tune.accept(p);
            ssl.setSSLParameters(p);
            if (p.getNeedClientAuth() || p.getWantClientAuth()) {
                // The client-certificate scenarios refuse in the middle of the client's flight. An
                // SSLServerSocket's connection then closes with that flight unread, so the kernel
                // sends a reset that can overtake the alert, and the prober would see a reset one
                // probe and the alert the next. TLS over a plain connection instead: the alert goes
                // out, the rest of the flight is read, then a normal close, as nginx and OpenSSL do.
                listener.close();
                listener = new ServerSocket(0, 50, address);
                serve = layered(tls, p, behaviour);
            }
        }
        LabServer server = new LabServer(name, listener, serve);
        server.threads.add(Thread.ofVirtual().name("lab-accept-" + name).start(server::acceptLoop));
        return server;
    }

    /** Serves TLS over the accepted plain connection, which stays open after a refused handshake. */
    private static Behaviour layered(SSLContext tls, SSLParameters params, Behaviour behaviour) {
        return plain -> {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
            ssl.setUseClientMode(false);
            ssl.setSSLParameters(params);
            try {
                ssl.startHandshake();
            } catch (SSLException refused) {
                // the alert is sent; read what the client still sends (its flight, its close) so
                // the close is a FIN, not a reset that could overtake the alert
                plain.setSoTimeout(DRAIN_MILLIS);
                byte[] sink = new byte[4096];
                try {
                    while (plain.getInputStream().read(sink) >= 0) {
                        // discard
                    }
                } catch (IOException drained) {
                    // timed out or reset by the client: either way nothing more to read
                }
                throw refused;
            }
            behaviour.serve(ssl);
        };
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                Thread t = Thread.ofVirtual().name("lab-" + name).unstarted(() -> handle(socket));
                threads.add(t);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.FINE, () -> "lab " + name + ": accept failed: " + e);
                    pauseAfterAcceptFailure();
                }
            }
        }
    }

    /** A persistent accept error (e.g. out of file descriptors) must not spin a core. */
    private void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            behaviour.serve(socket);
        } catch (SocketException e) {
            // The prober closed or reset first: expected for most scenarios.
        } catch (IOException e) {
            LOG.log(Level.FINE, () -> "lab " + name + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
            threads.remove(Thread.currentThread());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, () -> "lab " + name + ": close failed: " + e);
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.forEach(Thread::interrupt);
    }
}
