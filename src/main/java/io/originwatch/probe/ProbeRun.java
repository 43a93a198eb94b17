package io.originwatch.probe;

import io.originwatch.http1.RedactionRule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One probe from start to result. Lifecycle:
 * 1. resolve the url's host (skipped for IP literals); 2. connect within connect-timeout;
 * 3. for https, handshake with SNI and hostname verification against {@code host};
 * 4. the HTTP exchange ({@link Exchange}); 5. close politely. Each step that fails emits its failed
 * event and throws {@link Stop} with the failure decided right there; nothing else escapes.
 * A watchdog closes the socket at the overall deadline (connect + response timeout + slack).
 */
final class ProbeRun {

    /** Allowance on top of connect + response timeout for DNS, TLS and closing. */
    static final Duration DEADLINE_SLACK = Duration.ofMillis(500);

    /** Ends the probe with a failure decided where it happened. */
    static final class Stop extends Exception {
        final transient ProbeFailure failure;

        Stop(ProbeFailure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private final ProbeSpec spec;
    private final SafeListener listener;
    private final Resolver resolver;
    private final TlsClients tlsClients;
    private final int bodyCaptureBytes;
    private final HttpVersion httpVersion;
    private final RedactionRule redaction;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final Deadline overall;
    private final PhaseNanos timings = new PhaseNanos();
    private final ReadBuffers buffers;
    private InetSocketAddress connected;
    private TlsFacts tlsFacts;
    private HttpExchange exchange;
    private Watchdog watchdog;

    ProbeRun(
            ProbeSpec spec,
            SafeListener listener,
            Resolver resolver,
            TlsClients tlsClients,
            int bodyCaptureBytes,
            RedactionRule redaction,
            ReadBuffers buffers) {
        this.spec = spec;
        this.buffers = buffers;
        this.httpVersion = spec.httpVersion();
        this.redaction = redaction;
        this.bodyCaptureBytes = bodyCaptureBytes;
        this.listener = listener;
        this.resolver = resolver;
        this.tlsClients = tlsClients;
        this.overall = Deadline.after(startNanos, spec.deadline());
    }

    ProbeResult run() {
        ProbeFailure failure = null;
        try {
            steps();
        } catch (Stop s) {
            failure = s.failure;
        } catch (IOException | RuntimeException e) {
            failure = new ProbeFailure.Internal("unexpected " + e);
            listener.failOpen(e, failure);
        }
        if (failure != null && Thread.currentThread().isInterrupted()) {
            failure = new ProbeFailure.Internal("probe interrupted (shutting down?)");
        }
        timings.since(Phase.TOTAL, startNanos);
        return result(failure);
    }

    private void steps() throws Stop, IOException {
        // IOException here can only come from local set-up (creating the TLS socket), not the origin.
        InetAddress address = address();
        Socket raw = new Socket();
        watchdog = Watchdog.arm(raw, overall);
        Socket socket = raw;
        try {
            connect(raw, address);
            socket = spec.https() ? handshake(raw) : raw;
            exchange = speaksH2()
                    ? new H2Exchange(spec, listener, socket, timings, overall, watchdog, bodyCaptureBytes)
                    : new Exchange(
                            spec, listener, socket, timings, overall, watchdog, bodyCaptureBytes, redaction, buffers);
            exchange.run();
        } finally {
            closePolitely(socket);
            watchdog.disarm();
            closePolitely(raw);
        }
    }

    /**
     * h2 when ALPN selected it; HTTP/1.1 otherwise, except that {@code http-version: "2"} fails when
     * the origin did not select h2 (it offered nothing else, so there is nothing to fall back to).
     */
    private boolean speaksH2() throws Stop {
        String alpn = tlsFacts == null ? null : tlsFacts.alpn();
        boolean h2 = HttpVersion.H2.equals(alpn);
        if (!h2 && spec.https() && httpVersion == HttpVersion.HTTP_2) {
            throw new Stop(new ProbeFailure.H2(new io.originwatch.http2.H2Failure.NotSelected(alpn)));
        }
        return h2;
    }

    private InetAddress address() throws Stop {
        String host = spec.url().getHost();
        if (host == null || host.isEmpty()) {
            throw new Stop(new ProbeFailure.Internal("url " + spec.url() + " has no host"));
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (isIpLiteral(bare)) {
            try {
                return InetAddress.getByName(bare); // parses a literal, never looks anything up
            } catch (UnknownHostException e) {
                throw new Stop(new ProbeFailure.Internal("url host " + host + " is not a valid IP literal"));
            }
        }
        listener.dnsStart(bare);
        long start = System.nanoTime();
        List<InetAddress> found;
        try {
            found = resolveBounded(
                    bare, Deadline.after(start, spec.connectTimeout()).min(overall));
        } catch (UnknownHostException e) {
            listener.dnsFailed(bare, e);
            throw new Stop(new ProbeFailure.Unreachable("cannot resolve " + bare + ": " + e.getMessage()));
        }
        timings.since(Phase.DNS, start);
        listener.dnsEnd(bare, found);
        return found.get(0);
    }

    /**
     * Runs the resolver on the lookup threads ({@link Lookups}: platform threads, one lookup per name
     * at a time) and waits for it until the deadline, so that a hanging resolver can neither stall the
     * probe nor hold a carrier thread of the virtual threads.
     */
    private List<InetAddress> resolveBounded(String host, Deadline deadline) throws UnknownHostException, Stop {
        try {
            List<InetAddress> found =
                    Lookups.lookup(resolver, host).get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            if (found == null || found.isEmpty()) {
                throw new UnknownHostException("no addresses");
            }
            return found;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException u) {
                throw new UnknownHostException(
                        u.getMessage() == null || u.getMessage().equals(host) ? "no such host" : u.getMessage());
            }
            // A resolver that breaks is our fault, not the origin's: report it as internal.
            listener.dnsFailed(host, e);
            throw new Stop(new ProbeFailure.Internal("resolver failed for " + host + ": " + e.getCause()));
        } catch (TimeoutException e) {
            // the lookup goes on for whoever asks next; the native call cannot be interrupted anyway
            throw new UnknownHostException(
                    "no answer within " + spec.connectTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException("interrupted while resolving");
        }
    }

    private void connect(Socket raw, InetAddress address) throws Stop {
        InetSocketAddress target = SharedAddresses.of(new InetSocketAddress(address, spec.port()));
        listener.connectStart(target);
        long start = System.nanoTime();
        try {
            raw.connect(
                    target,
                    Deadline.after(start, spec.connectTimeout()).min(overall).remainingMillisAtLeastOne());
            raw.setTcpNoDelay(true);
        } catch (IOException e) {
            ProbeFailure f = Failures.connect(e, target, spec.connectTimeout(), watchdog.fired());
            listener.connectFailed(target, e);
            throw new Stop(f);
        }
        timings.since(Phase.CONNECT, start);
        connected = target;
        listener.connectEnd(target);
    }

    private SSLSocket handshake(Socket raw) throws Stop, IOException {
        TlsClients.TlsClient client;
        try {
            client = tlsClients.forSpec(spec.trustCa(), spec.tlsTrust(), spec.clientCertificate());
        } catch (ClientCertificate.Unusable e) {
            throw new Stop(new ProbeFailure.Internal("tls-client-certificate/tls-client-key " + e.getMessage()));
        } catch (IOException | GeneralSecurityException e) {
            throw new Stop(new ProbeFailure.Internal("trust-ca " + spec.trustCa() + ": " + e.getMessage()));
        }
        SSLSocket ssl = (SSLSocket) client.sockets().createSocket(raw, spec.host(), spec.port(), true);
        configure(ssl);
        CapturingTrustManager.Capture capture = client.trust().register(ssl, spec.host());
        CapturingKeyManager.Capture asked = client.keys().register(ssl);
        listener.tlsStart(spec.host());
        long start = System.nanoTime();
        try {
            ssl.setSoTimeout(overall.remainingMillisAtLeastOne());
            ssl.startHandshake();
        } catch (IOException e) {
            tlsFacts = CertificateCheck.facts(null, null, capture.chain, capture.validationError)
                    .withClientAuth(clientAuth(asked, client.clientCertificate()));
            ProbeFailure f = capture.validationError != null && spec.tlsVerify()
                    ? new ProbeFailure.TlsCertificate(capture.validationError)
                    : Failures.handshake(e, since(start), watchdog.fired(), asked.requested);
            listener.tlsFailed(tlsFacts, e);
            throw new Stop(f);
        } finally {
            client.trust().unregister(ssl);
            client.keys().unregister(ssl);
        }
        timings.since(Phase.TLS, start);
        return verified(ssl, capture, clientAuth(asked, client.clientCertificate()));
    }

    private static TlsFacts.ClientAuth clientAuth(CapturingKeyManager.Capture asked, ClientCertificate.Loaded cert) {
        return new TlsFacts.ClientAuth(
                asked.requested,
                asked.issuers,
                asked.sent,
                cert == null ? null : cert.leaf().getSubjectX500Principal().getName(),
                cert == null ? null : cert.leaf().getNotAfter().toInstant());
    }

    /**
     * The handshake completed; now the certificate verdict: with tls-verify on, a chain or name that
     * failed ends the probe as a 526 before any request goes out; off, it is only recorded.
     */
    private SSLSocket verified(SSLSocket ssl, CapturingTrustManager.Capture capture, TlsFacts.ClientAuth clientAuth)
            throws Stop {
        SSLSession session = ssl.getSession();
        X509Certificate[] chain = capture.chain != null ? capture.chain : peerChain(session);
        tlsFacts = CertificateCheck.facts(
                        session.getProtocol(), session.getCipherSuite(), chain, capture.validationError)
                .withAlpn(ssl.getApplicationProtocol())
                .withClientAuth(clientAuth);
        if (capture.validationError != null && spec.tlsVerify()) {
            listener.tlsFailed(tlsFacts, new CertificateException(capture.validationError));
            closePolitely(ssl);
            throw new Stop(new ProbeFailure.TlsCertificate(capture.validationError));
        }
        listener.tlsEnd(tlsFacts);
        return ssl;
    }

    /**
     * SNI must be set explicitly: we connect to an address, and without it the JDK would send no
     * server name (or the IP), so the origin would pick its default certificate, not the site's.
     */
    private void configure(SSLSocket ssl) {
        SSLParameters p = ssl.getSSLParameters();
        if (!isIpLiteral(spec.host())) {
            try {
                p.setServerNames(List.of(new SNIHostName(spec.host())));
            } catch (IllegalArgumentException e) {
                // not a valid DNS name for SNI (e.g. trailing dot): send none, still verify the name
            }
        }
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!httpVersion.alpnOffer().isEmpty()) {
            p.setApplicationProtocols(httpVersion.alpnOffer().toArray(String[]::new));
        }
        spec.tlsProfile().apply(p, ssl.getSupportedProtocols(), ssl.getSupportedCipherSuites());
        ssl.setSSLParameters(p);
    }

    private static X509Certificate[] peerChain(SSLSession session) {
        try {
            Certificate[] certs = session.getPeerCertificates();
            return java.util.Arrays.stream(certs)
                    .filter(X509Certificate.class::isInstance)
                    .map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /**
     * TLS: invalidate the session first so no later probe resumes it (every probe sees the current
     * certificate through a full handshake), then close, which sends close_notify.
     */
    private static void closePolitely(Socket socket) {
        try {
            if (socket instanceof SSLSocket ssl && !ssl.isClosed()) {
                ssl.getSession().invalidate();
            }
            socket.close();
        } catch (IOException | RuntimeException e) {
            // the peer may already be gone; the result is decided
        }
    }

    private ProbeResult result(ProbeFailure failure) {
        HttpExchange x = exchange;
        byte[] request = x == null ? new byte[0] : x.requestHead;
        byte[] response = x == null ? new byte[0] : x.responseHeadEvidence();
        boolean hasHead = failure == null && x != null;
        return new ProbeResult(
                spec,
                startedAt,
                timings.timings(),
                connected,
                failure,
                hasHead ? x.head : null,
                x == null ? 0 : x.headerBytes,
                x == null ? 0 : x.bodyBytes,
                x != null && x.bodyEndedEarly,
                x != null && x.bodyLimitReached,
                tlsFacts,
                new Evidence(
                        request,
                        response,
                        hasHead ? x.bodyEvidence() : new byte[0],
                        hasHead && x.bodyEvidenceTruncated()),
                x == null || request.length == 0 ? null : x.httpVersion());
    }

    /**
     * An IPv6 literal (any colon) or {@code [0-9]{1,3}(\.[0-9]{1,3}){3}}; checked by hand, as this runs
     * twice per probe (resolve and SNI) and a regex matcher is an allocation each time.
     */
    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int parts = 0;
        int from = 0;
        while (true) {
            int dot = host.indexOf('.', from);
            int end = dot < 0 ? host.length() : dot;
            if (!BodyFraming.digits(host, from, end, 1, 3)) {
                return false;
            }
            parts++;
            if (dot < 0) {
                return parts == 4;
            }
            if (parts == 4) {
                return false;
            }
            from = dot + 1;
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
