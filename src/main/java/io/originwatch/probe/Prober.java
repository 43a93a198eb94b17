package io.originwatch.probe;

/**
 * Runs one probe: resolve, connect, TLS, one HTTP/1.1 request, parse the head, drain the body up
 * to its limit, close politely. One attempt, no retries; bounded by connect-timeout +
 * response-timeout plus a small slack whatever the origin does. Thread-safe and meant to be shared:
 * trust material and SSL contexts are reused across probes, connections never are.
 *
 * <p>STUB: the contract is fixed; the implementation is issue #2's.
 */
public final class Prober {

    /** Runs the probe on the calling thread (a virtual thread in the daemon). Never throws. */
    public ProbeResult probe(ProbeSpec spec, ProbeListener listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
