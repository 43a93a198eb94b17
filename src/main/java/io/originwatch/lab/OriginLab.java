package io.originwatch.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * Loopback origins that each misbehave in one way: one per cause and per warning of the catalogue,
 * plus three hostile ones (drip-feed, endless headers, endless body). Certificates come from a lab
 * CA generated at start-up; probe every https lab origin with {@link #caPemFile()} as trust-ca.
 * Name resolution: probe with a resolver that asks {@link #lookup(String)} first, so the
 * unreachable scenario's name never reaches real DNS.
 *
 * <p>Lifecycle: 1. {@link #start()} binds every listener on port 0 and starts its accept loop on a
 * virtual thread; 2. probes run against {@link #origins()}; 3. {@link #close()} stops everything and
 * deletes the CA file.
 */
public final class OriginLab implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OriginLab.class.getName());

    /** Short enough that every scenario concludes within seconds in the demo. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);
    public static final int HEADER_LIMIT_BYTES = 8 * 1024;
    public static final String EXPECT_STATUS = "200-399";
    /** Lab host names live under the reserved .test TLD (RFC 6761). */
    public static final String DOMAIN = "lab.test";
    /** The slow scenario answers after this: above half the response timeout, well below all of it. */
    static final Duration SLOW_RESPONSE_DELAY = Duration.ofMillis(1_800);

    static final Duration DRIP_INTERVAL = Duration.ofMillis(150);
    static final int TRUNCATED_BODY_ANNOUNCED_BYTES = 1_000;
    static final int TRUNCATED_BODY_SENT_BYTES = 100;

    private final List<LabOrigin> origins = new ArrayList<>();
    private final List<LabServer> servers = new ArrayList<>();
    private Socket refusedPortHolder;
    private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();
    private final InetAddress v4 = InetAddress.getLoopbackAddress();
    private final Instant now = Instant.now();
    private final LabCertificates pki;
    private final Path caPem;
    /** The CA whose client certificates the client-certificate scenarios accept (the edge's origin-pull CA). */
    private final LabCertificates clientPki;
    /** A CA those scenarios do not accept. */
    private final LabCertificates strangerPki;
    /** Client certificate and key files, deleted on close. */
    private final List<Path> clientFiles = new ArrayList<>();

    private ConnectTimeoutTrap trap;

    private OriginLab() throws IOException, GeneralSecurityException {
        pki = new LabCertificates(now);
        clientPki = new LabCertificates(now, "CN=originwatch lab origin-pull CA,O=originwatch");
        strangerPki = new LabCertificates(now, "CN=originwatch lab stranger CA,O=originwatch");
        caPem = Files.createTempFile("originwatch-lab-ca-", ".pem");
        Files.writeString(caPem, pki.caPem());
    }

    /**
     * Starts every lab origin on loopback.
     *
     * @throws IOException when a listener cannot be bound or the certificates cannot be generated
     */
    public static OriginLab start() throws IOException {
        OriginLab lab;
        try {
            lab = new OriginLab();
        } catch (GeneralSecurityException e) {
            throw new IOException("origin lab: cannot generate its certificates: " + e.getMessage(), e);
        }
        try {
            lab.startAll();
            return lab;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            lab.close();
            throw e instanceof IOException io ? io : new IOException("origin lab: cannot start: " + e.getMessage(), e);
        }
    }

    public List<LabOrigin> origins() {
        return List.copyOf(origins);
    }

    /** The lab CA as a PEM file: the trust-ca of every https lab origin. */
    public Path caPemFile() {
        return caPem;
    }

    /**
     * Resolves lab host names: the addresses of a lab name, {@code Optional.of(List.of())} for the
     * unreachable scenario's name (it does not exist), or empty when {@code host} is not a lab name.
     */
    public Optional<List<InetAddress>> lookup(String host) {
        return Optional.ofNullable(names.get(host.toLowerCase(Locale.ROOT)));
    }

    private void startAll() throws IOException, GeneralSecurityException {
        startCauses();
        startWarnings();
        startHostile();
        startH2();
        startClientCertificates();
        LOG.info(() -> "origin lab: " + origins.size() + " origins on loopback, CA at " + caPem);
    }

    private void startCauses() throws IOException, GeneralSecurityException {
        String unreachable = "unreachable." + DOMAIN;
        names.put(unreachable, List.of());
        add("unreachable", URI.create("http://" + unreachable + "/"), RESPONSE_TIMEOUT, true, List.of());
        add(
                "connection-refused",
                URI.create("http://127.0.0.1:" + closedPort() + "/"),
                RESPONSE_TIMEOUT,
                true,
                List.of());
        trap = new ConnectTimeoutTrap(v4);
        if (!trap.verified()) {
            LOG.warning("origin lab: the connect-timeout trap did not fill its accept queue on this kernel;"
                    + " lab-connect-timeout may connect instead of timing out");
        }
        add("connect-timeout", URI.create("http://127.0.0.1:" + trap.port() + "/"), RESPONSE_TIMEOUT, true, List.of());
        serve("tls-handshake-failed", "https", null, Behaviours.plainTextOnTlsPort(), "tls_handshake_failed");
        serve(
                "tls-certificate-invalid",
                "https",
                leaf("tls-certificate-invalid", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(2))),
                ok(),
                "tls_certificate_invalid");
        serve("connection-reset", "http", null, Behaviours.resetAfterRequest(), "connection_reset");
        serve("empty-response", "http", null, Behaviours.closeAfterRequest(), "empty_response");
        serve(
                "headers-too-large",
                "http",
                null,
                Behaviours.respond(
                        Behaviours.okResponse(200, "OK", Behaviours.fillerHeaders(HEADER_LIMIT_BYTES + 2_000), 2)),
                "headers_too_large");
        serve("missing-headers", "http", null, Behaviours.respond("HTTP/1.1 200 OK\r\n\r\nhello"), "missing_headers");
        serve(
                "invalid-response",
                "http",
                null,
                Behaviours.respond("HTTP/1.1 200 OK\r\nServer: originwatch-lab\r\nThis line has no colon\r\n\r\n"),
                "invalid_response");
        serve("response-timeout", "http", null, Behaviours.silentAfterRequest(), "response_timeout");
        serve(
                "unexpected-status",
                "http",
                null,
                Behaviours.respond(Behaviours.okResponse(503, "Service Unavailable", "Retry-After: 30\r\n", 12)),
                "unexpected_status");
        serve("ok", "http", null, ok(), "ok");
        serve("ok-https", "https", validLeaf("ok-https"), ok(), "ok");
        if (ipv6Loopback().isPresent()) {
            serve("ok-ipv6", "http", null, ipv6Loopback().get(), ok(), "ok", List.of());
        }
    }

    private void startWarnings() throws IOException, GeneralSecurityException {
        serve(
                "headers-near-limit",
                "http",
                null,
                v4,
                Behaviours.respond(
                        Behaviours.okResponse(200, "OK", Behaviours.fillerHeaders(HEADER_LIMIT_BYTES * 4 / 5), 2)),
                "ok",
                List.of("headers_near_limit"));
        serve(
                "slow-response",
                "http",
                null,
                v4,
                Behaviours.respondAfter(SLOW_RESPONSE_DELAY, Behaviours.okResponse(200, "OK", "", 2)),
                "ok",
                List.of("slow_response"));
        serve(
                "certificate-expiring",
                "https",
                leaf("certificate-expiring", now.minus(Duration.ofDays(85)), now.plus(Duration.ofDays(5))),
                v4,
                ok(),
                "ok",
                List.of("certificate_expiring"));
        // Cloudflare's "Full" mode: a certificate for another name is tolerated but worth a warning.
        SSLContext wrongName = pki.serverContext(
                List.of("some-other-site." + DOMAIN), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
        LabServer server = LabServer.start("certificate-invalid", v4, wrongName, ok());
        servers.add(server);
        add(
                "certificate-invalid",
                url("https", v4, server.port()),
                RESPONSE_TIMEOUT,
                false,
                "ok",
                List.of("certificate_invalid"));
        serve(
                "body-truncated",
                "http",
                null,
                v4,
                Behaviours.respond(Behaviours.okResponse(200, "OK", "", 0)
                                .replace("Content-Length: 0", "Content-Length: " + TRUNCATED_BODY_ANNOUNCED_BYTES)
                        + "t".repeat(TRUNCATED_BODY_SENT_BYTES)),
                "ok",
                List.of("body_truncated"));
    }

    private void startHostile() throws IOException, GeneralSecurityException {
        serve("drip-feed", "http", null, Behaviours.drip(DRIP_INTERVAL), "response_timeout");
        serve("endless-headers", "http", null, Behaviours.endlessHeaders(), "headers_too_large");
        serve("endless-body", "http", null, Behaviours.endlessBody(), "ok");
    }

    /**
     * HTTP/2 origins (TLS, ALPN h2): each new cause, existing causes over h2, and the healthy paths
     * (h2 ok, the origin selects http/1.1, a graceful GOAWAY then the response, 103 then 200).
     */
    private void startH2() throws IOException, GeneralSecurityException {
        List<String> h2 = List.of("h2", "http/1.1");
        serveTls(
                "h2-ok",
                h2,
                H2Behaviours.respond(
                        H2Behaviours.okResponse(H2Behaviours.script().settings())),
                "ok");
        serveTls("h2-selects-http1", List.of("http/1.1"), ok(), "ok");
        serveTls(
                "h2-graceful-goaway",
                h2,
                H2Behaviours.respond(
                        H2Behaviours.okResponse(H2Behaviours.script().settings().goAway(1, 0, ""))),
                "ok");
        serveTls(
                "h2-early-hints",
                h2,
                H2Behaviours.respond(H2Behaviours.okResponse(
                        H2Behaviours.script().settings().head(103, false, "link", "</app.css>; rel=preload"))),
                "ok");
        serveTls("h2-spoke-http1", h2, H2Behaviours.http1AfterH2Selected(), "h2_spoke_http1");
        serveTls("h2-goaway", h2, H2Behaviours.respond(H2Behaviours.goAwayBeforeResponse()), "h2_goaway");
        serveTls(
                "h2-stream-reset",
                h2,
                H2Behaviours.respond(H2Behaviours.script().settings().reset(0xd)),
                "h2_stream_reset");
        serveTls(
                "h2-protocol-error",
                h2,
                H2Behaviours.respond(H2Behaviours.script().ping().settings()),
                "h2_protocol_error");
        serveTls(
                "h2-malformed-response",
                h2,
                H2Behaviours.respond(H2Behaviours.script()
                        .settings()
                        .literalHead(":status", "200", "Server", "originwatch-lab", "content-length", "0")),
                "h2_malformed_response");
        serveTls(
                "h2-headers-too-large",
                h2,
                H2Behaviours.respond(H2Behaviours.script()
                        .settings()
                        .head(
                                200,
                                true,
                                "server",
                                "originwatch-lab",
                                "x-filler",
                                "f".repeat(HEADER_LIMIT_BYTES + 2_000))),
                "headers_too_large");
    }

    /**
     * Origins that require a client certificate (Authenticated Origin Pulls) from the lab's
     * origin-pull CA: sent (ok), missing on TLS 1.2 (525) and on TLS 1.3 (520), one from another CA,
     * one that expires soon; and an origin that never asks while the probe has one configured.
     */
    private void startClientCertificates() throws IOException, GeneralSecurityException {
        Instant yesterday = now.minus(Duration.ofDays(1));
        ClientFiles edge =
                clientFiles("edge", clientPki.clientLeaf("edge.lab.test", yesterday, now.plus(Duration.ofDays(90))));
        ClientFiles stranger = clientFiles(
                "stranger", strangerPki.clientLeaf("stranger.lab.test", yesterday, now.plus(Duration.ofDays(90))));
        ClientFiles expiring = clientFiles(
                "expiring", clientPki.clientLeaf("expiring.lab.test", yesterday, now.plus(Duration.ofDays(5))));
        serveClientAuth("client-certificate-ok", "TLSv1.3", edge, "ok", List.of());
        serveClientAuth("client-certificate-missing-tls12", "TLSv1.2", null, "client_certificate_rejected", List.of());
        serveClientAuth("client-certificate-missing-tls13", "TLSv1.3", null, "client_certificate_rejected", List.of());
        serveClientAuth("client-certificate-wrong-ca", "TLSv1.3", stranger, "client_certificate_rejected", List.of());
        serveClientAuth(
                "client-certificate-expiring", "TLSv1.3", expiring, "ok", List.of("client_certificate_expiring"));
        LabServer open = LabServer.start(
                "client-certificate-not-requested", v4, validLeaf("client-certificate-not-requested"), p -> {}, ok());
        servers.add(open);
        add(
                "client-certificate-not-requested",
                url("https", v4, open.port()),
                RESPONSE_TIMEOUT,
                true,
                "ok",
                List.of("client_certificate_not_requested"),
                edge);
    }

    /** A lab client certificate and key, written to files. */
    private record ClientFiles(Path certificate, Path key) {}

    private ClientFiles clientFiles(String name, LabCertificates.ClientPem pem) throws IOException {
        Path cert = Files.createTempFile("originwatch-lab-client-" + name + "-", ".crt");
        clientFiles.add(cert);
        Files.writeString(cert, pem.certificate());
        Path key = Files.createTempFile("originwatch-lab-client-" + name + "-", ".key");
        clientFiles.add(key);
        Files.writeString(key, pem.key());
        return new ClientFiles(cert, key);
    }

    /** An origin on {@code protocol} only that requires a client certificate from the origin-pull CA. */
    private void serveClientAuth(
            String scenario, String protocol, ClientFiles probeWith, String cause, List<String> warnings)
            throws IOException, GeneralSecurityException {
        SSLContext tls = pki.serverContext(
                List.of(host(scenario)), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), clientPki.ca());
        LabServer server = LabServer.start(
                scenario,
                v4,
                tls,
                p -> {
                    p.setProtocols(new String[] {protocol});
                    p.setNeedClientAuth(true);
                },
                ok());
        servers.add(server);
        add(scenario, url("https", v4, server.port()), RESPONSE_TIMEOUT, true, cause, warnings, probeWith);
    }

    private void serveTls(String scenario, List<String> alpn, Behaviour b, String cause)
            throws IOException, GeneralSecurityException {
        LabServer server = LabServer.start(scenario, v4, validLeaf(scenario), alpn, b);
        servers.add(server);
        add(scenario, url("https", v4, server.port()), RESPONSE_TIMEOUT, true, cause, List.of());
    }

    private static Behaviour ok() {
        return Behaviours.respond(Behaviours.okResponse(200, "OK", "", 13).replace("ooooooooooooo", "hello, world\n"));
    }

    private SSLContext validLeaf(String scenario) throws GeneralSecurityException {
        return leaf(scenario, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
    }

    private SSLContext leaf(String scenario, Instant notBefore, Instant notAfter) throws GeneralSecurityException {
        return pki.serverContext(List.of(host(scenario)), notBefore, notAfter);
    }

    private void serve(String scenario, String scheme, SSLContext tls, Behaviour b, String cause) throws IOException {
        serve(scenario, scheme, tls, v4, b, cause, List.of());
    }

    private void serve(
            String scenario,
            String scheme,
            SSLContext tls,
            InetAddress address,
            Behaviour b,
            String cause,
            List<String> warnings)
            throws IOException {
        LabServer server = LabServer.start(scenario, address, tls, b);
        servers.add(server);
        add(scenario, url(scheme, address, server.port()), RESPONSE_TIMEOUT, true, cause, warnings);
    }

    private void add(String scenario, URI url, Duration response, boolean tlsVerify, List<String> warnings) {
        add(scenario, url, response, tlsVerify, scenario.replace('-', '_'), warnings);
    }

    private void add(
            String scenario, URI url, Duration response, boolean tlsVerify, String cause, List<String> warnings) {
        add(scenario, url, response, tlsVerify, cause, warnings, null);
    }

    private void add(
            String scenario,
            URI url,
            Duration response,
            boolean tlsVerify,
            String cause,
            List<String> warnings,
            ClientFiles client) {
        origins.add(new LabOrigin(
                "lab-" + scenario,
                url,
                host(scenario),
                CONNECT_TIMEOUT,
                response,
                HEADER_LIMIT_BYTES,
                tlsVerify,
                EXPECT_STATUS,
                cause,
                warnings,
                client == null ? null : client.certificate(),
                client == null ? null : client.key()));
        String literal = url.getHost().replace("[", "").replace("]", "");
        if (literal.matches("[0-9.]+") || literal.contains(":")) {
            try {
                // An IP literal: getByName parses it without any lookup.
                names.putIfAbsent(host(scenario), List.of(InetAddress.getByName(literal)));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("lab url " + url + " has no usable address", e);
            }
        }
    }

    private static String host(String scenario) {
        return scenario + "." + DOMAIN;
    }

    private static URI url(String scheme, InetAddress address, int port) {
        String literal = address.getHostAddress();
        // Java prints ::1 in full (0:0:0:0:0:0:0:1); URLs and people write it short.
        String authority = !literal.contains(":")
                ? literal
                : address.isLoopbackAddress() ? "[::1]" : "[" + literal.replaceFirst("%.*$", "") + "]";
        return URI.create(scheme + "://" + authority + ":" + port + "/");
    }

    /** A port that was bound and then closed, so nothing listens there: connect gets RST. */
    /**
     * A port that refuses connections for as long as the lab runs: a socket bound to it that never
     * listens (the kernel answers a SYN with RST) and keeps it from being handed to any other
     * bind, as a port merely freed after use would be, e.g. to the next lab server.
     */
    private int closedPort() throws IOException {
        refusedPortHolder = new Socket();
        refusedPortHolder.bind(new InetSocketAddress(v4, 0));
        return refusedPortHolder.getLocalPort();
    }

    private static Optional<InetAddress> ipv6Loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return Optional.of(s.getInetAddress());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        servers.forEach(LabServer::close);
        if (refusedPortHolder != null) {
            try {
                refusedPortHolder.close();
            } catch (IOException e) {
                LOG.fine(() -> "origin lab: cannot close the refused-port holder: " + e);
            }
        }
        if (trap != null) {
            trap.close();
        }
        List<Path> files = new ArrayList<>(clientFiles);
        files.add(caPem);
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.fine(() -> "origin lab: cannot delete " + file + ": " + e);
            }
        }
    }
}
