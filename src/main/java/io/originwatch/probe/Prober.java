package io.originwatch.probe;

import io.originwatch.http1.RedactionRule;

/**
 * Runs one probe: resolve, connect, TLS, one HTTP/1.1 request, parse the head, drain the body up
 * to its limit, close politely. One attempt, no retries; bounded by connect-timeout +
 * response-timeout plus a small slack ({@link ProbeRun#DEADLINE_SLACK}) whatever the origin does.
 * Thread-safe and meant to be shared: trust material and SSL contexts are reused across probes,
 * connections and TLS sessions never are. Blocking I/O without locks held, so a probe on a virtual
 * thread unmounts while it waits.
 */
public final class Prober {

    /**
     * Body bytes kept per probe for evidence (HAR files) unless the constructor says otherwise, and
     * never more than the spec's body limit. 8 KiB: enough for an error page's story, and a daemon
     * keeping two HARs for each of 10,000 origins holds at most ~160 MiB of bodies, not 1.3 GiB as
     * with the 64 KiB body limit.
     */
    public static final int DEFAULT_BODY_CAPTURE_BYTES = 8 * 1024;

    private final Resolver resolver;
    private final int bodyCaptureBytes;
    private final TlsClients tlsClients;
    private final RedactionRule redaction;
    private final ReadBuffers readBuffers;

    /** A prober that resolves names with the system resolver. */
    public Prober() {
        this(Resolver.SYSTEM);
    }

    public Prober(Resolver resolver) {
        this(resolver, DEFAULT_BODY_CAPTURE_BYTES);
    }

    /**
     * @param bodyCaptureBytes body payload bytes kept in {@link Evidence#body()} per probe (0 keeps
     *                         none); capped by each spec's body limit
     */
    public Prober(Resolver resolver, int bodyCaptureBytes) {
        this(resolver, bodyCaptureBytes, TlsStack.JDK);
    }

    /**
     * @param bodyCaptureBytes as above
     * @param tls              the JSSE provider handshakes go through
     */
    public Prober(Resolver resolver, int bodyCaptureBytes, TlsStack tls) {
        this(resolver, bodyCaptureBytes, tls, RedactionRule.DEFAULT);
    }

    /**
     * @param redaction which header values a failure's excerpt leaves out (the daemon's one rule,
     *                  {@code originwatch.evidence.redact-headers} included)
     */
    public Prober(Resolver resolver, int bodyCaptureBytes, TlsStack tls, RedactionRule redaction) {
        if (bodyCaptureBytes < 0) {
            throw new IllegalArgumentException("bodyCaptureBytes must be >= 0, got " + bodyCaptureBytes);
        }
        this.resolver = resolver == null ? Resolver.SYSTEM : resolver;
        this.bodyCaptureBytes = bodyCaptureBytes;
        this.tlsClients = new TlsClients(tls == null ? TlsStack.JDK : tls);
        this.redaction = redaction == null ? RedactionRule.DEFAULT : redaction;
        this.readBuffers = ReadBuffers.SHARED;
    }

    /** For tests in this package: a prober over {@code tlsClients} (e.g. with stand-in default roots). */
    Prober(Resolver resolver, int bodyCaptureBytes, TlsClients tlsClients) {
        this(resolver, bodyCaptureBytes, tlsClients, ReadBuffers.SHARED);
    }

    /** For tests in this package: a prober over {@code tlsClients} whose exchanges read into {@code readBuffers}. */
    Prober(Resolver resolver, int bodyCaptureBytes, TlsClients tlsClients, ReadBuffers readBuffers) {
        this.resolver = resolver;
        this.bodyCaptureBytes = bodyCaptureBytes;
        this.tlsClients = tlsClients;
        this.redaction = RedactionRule.DEFAULT;
        this.readBuffers = readBuffers;
    }

    /** The redaction rule failure excerpts follow. */
    public RedactionRule redaction() {
        return redaction;
    }

    /** How names resolve. */
    public Resolver resolver() {
        return resolver;
    }

    /** The TLS stack in use. */
    public TlsStack tls() {
        return tlsClients.stack();
    }

    /**
     * Runs the probe on the calling thread (a virtual thread in the daemon). Never throws: an
     * unexpected exception becomes {@link ProbeFailure.Internal}; a listener that throws is ignored.
     */
    public ProbeResult probe(ProbeSpec spec, ProbeListener listener) {
        SafeListener events = new SafeListener(listener);
        events.probeStart(spec);
        ProbeResult result =
                new ProbeRun(spec, events, resolver, tlsClients, bodyCaptureBytes, redaction, readBuffers).run();
        events.probeEnd(result);
        return result;
    }

    /** For tests in this package: the shared TLS clients. */
    TlsClients tlsClients() {
        return tlsClients;
    }
}
