package io.originwatch.probe;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client side of TLS client authentication for probes: notes, per registered socket, whether
 * the origin sent a CertificateRequest and which CAs it named, and presents the configured client
 * certificate (if any) whatever CAs were named, as the edge presents its origin-pull certificate.
 * Both stacks call {@link #chooseClientAlias(String[], Principal[], Socket)} with the probe's
 * {@link javax.net.ssl.SSLSocket} (the JDK directly; Conscrypt's engine socket as its alias
 * chooser), only when the origin asks, on the handshaking thread.
 */
final class CapturingKeyManager extends X509ExtendedKeyManager {

    static final String ALIAS = "client";

    /** What one handshake asked of the client; written on the handshaking thread, read after it. */
    static final class Capture {
        volatile boolean requested;
        volatile List<String> issuers = List.of();
        volatile boolean sent;
    }

    private final ClientCertificate.Loaded client;
    private final Map<Socket, Capture> captures = new ConcurrentHashMap<>();

    /** {@code client} null: no certificate is configured, requests are only noted. */
    CapturingKeyManager(ClientCertificate.Loaded client) {
        this.client = client;
    }

    Capture register(Socket socket) {
        Capture c = new Capture();
        captures.put(socket, c);
        return c;
    }

    void unregister(Socket socket) {
        captures.remove(socket);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        Capture capture = captures.get(socket);
        boolean matches =
                client != null && keyTypes != null && Arrays.asList(keyTypes).contains(client.keyType());
        if (capture != null) {
            capture.requested = true;
            if (issuers != null && issuers.length > 0) {
                List<String> names = new ArrayList<>();
                for (Principal p : issuers) {
                    names.add(p.getName());
                }
                capture.issuers = List.copyOf(names);
            }
            capture.sent |= matches;
        }
        return matches ? ALIAS : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return client != null && keyTypes != null && Arrays.asList(keyTypes).contains(client.keyType()) ? ALIAS : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return client != null && client.keyType().equals(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return client != null && ALIAS.equals(alias) ? client.chain().clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return client != null && ALIAS.equals(alias) ? client.privateKey() : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
