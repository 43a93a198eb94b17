package io.originwatch.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port whose TCP handshake never completes, without leaving loopback: a listener with a backlog
 * of 1 that never accepts, whose accept queue the trap fills itself. Once the queue is full Linux
 * drops further SYNs (tcp_conn_request checks the accept queue before anything else), so a client's
 * connect retransmits until its own timeout: exactly a 522. {@link #verified()} says whether the
 * last filling attempt did time out, i.e. whether the trap really works on this kernel.
 */
final class ConnectTimeoutTrap implements AutoCloseable {

    /** How long one filling connect may wait before the queue counts as full. */
    private static final int FILL_PROBE_TIMEOUT_MILLIS = 250;
    /** Linux keeps backlog + 1 connections; a few more attempts cover other kernels' arithmetic. */
    private static final int MAX_FILLERS = 8;

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();
    private final boolean verified;

    ConnectTimeoutTrap(InetAddress address) throws IOException {
        listener = new ServerSocket(0, 1, address);
        verified = fill(new InetSocketAddress(address, listener.getLocalPort()));
    }

    private boolean fill(InetSocketAddress target) throws IOException {
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket s = new Socket();
            try {
                s.connect(target, FILL_PROBE_TIMEOUT_MILLIS);
                fillers.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return true;
            }
        }
        return false;
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean verified() {
        return verified;
    }

    @Override
    public void close() {
        for (Socket s : fillers) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
