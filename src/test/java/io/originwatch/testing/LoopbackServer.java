package io.originwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The plumbing shared by the in-process fakes: a TCP server on loopback port 0 that hands every
 * accepted connection to {@code handler} on its own virtual thread. The handler owns the socket
 * (closes it and swallows the client's early close); closing this server stops accepting.
 */
public final class LoopbackServer implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Consumer<Socket> handler;

    public LoopbackServer(Consumer<Socket> handler) throws IOException {
        this.handler = handler;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::accept);
    }

    /** An IP-literal URL on this server's port: clients connect without DNS. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Reads a request head up to and including the empty line; returns it as ISO-8859-1 text. */
    public static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                break;
            }
        }
        return head.toString();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.execute(() -> handler.accept(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
