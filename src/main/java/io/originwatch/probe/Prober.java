package io.originwatch.probe;

/**
 * Runs one probe: resolve, connect, TLS, one HTTP/1.1 request, parse the head, drain the body up
 * to its limit, close politely. One attempt, no retries; bounded by connect-timeout +
 * response-timeout plus a small slack ({@link ProbeRun#DEADLINE_SLACK}) whatever the origin does.
 * Thread-safe and meant to be shared: trust material and SSL contexts are reused across probes,
 * connections and TLS sessions never are. Blocking I/O without locks held, so a probe on a virtual
 * thread unmounts while it waits.
 */
public final class Prober {

    private final Resolver resolver;
    private final TlsClients tlsClients = new TlsClients();

    /** A prober that resolves names with the system resolver. */
    public Prober() {
        this(Resolver.SYSTEM);
    }

    public Prober(Resolver resolver) {
        this.resolver = resolver == null ? Resolver.SYSTEM : resolver;
    }

    /**
     * Runs the probe on the calling thread (a virtual thread in the daemon). Never throws: an
     * unexpected exception becomes {@link ProbeFailure.Internal}; a listener that throws is ignored.
     */
    public ProbeResult probe(ProbeSpec spec, ProbeListener listener) {
        SafeListener events = new SafeListener(listener);
        events.probeStart(spec);
        ProbeResult result = new ProbeRun(spec, events, resolver, tlsClients).run();
        events.probeEnd(result);
        return result;
    }

    /** For tests in this package: the shared TLS clients. */
    TlsClients tlsClients() {
        return tlsClients;
    }
}
