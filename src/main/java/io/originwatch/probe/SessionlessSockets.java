package io.originwatch.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Client sockets that never share a session cache: each layered socket comes from a factory of its
 * own context, so no handshake can resume another's session. The prober only layers TLS over its
 * own TCP socket ({@link #createSocket(Socket, String, int, boolean)}); the unconnected forms are
 * refused rather than silently given a shared cache.
 */
final class SessionlessSockets extends SSLSocketFactory {

    /** Makes a factory of a new context. */
    @FunctionalInterface
    interface Contexts {
        SSLSocketFactory fresh() throws GeneralSecurityException;
    }

    private final SSLSocketFactory template;
    private final Contexts contexts;

    SessionlessSockets(SSLSocketFactory template, Contexts contexts) {
        this.template = template;
        this.contexts = contexts;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        try {
            return contexts.fresh().createSocket(socket, host, port, autoClose);
        } catch (GeneralSecurityException e) {
            // the same arguments built the template's context; failing now means the provider changed
            throw new IOException("TLS context could not be built: " + e.getMessage(), e);
        }
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return template.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return template.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw unsupported();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw unsupported();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw unsupported();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("the prober layers TLS over its own connected socket");
    }
}
