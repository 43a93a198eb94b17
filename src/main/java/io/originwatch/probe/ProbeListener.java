package io.originwatch.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Observes one probe's phases, as they happen. Contract (after okhttp's EventListener): every
 * {@code xStart} is followed by exactly one {@code xEnd} or {@code xFailed}; phases that do not
 * happen get no events; methods are called on the probing thread, must be fast and must never
 * throw. Every method has an empty default, so a listener overrides only what it needs.
 *
 * <p>A diagnostic and test seam, not a road for data: the daemon probes with {@link #NONE}. Every
 * reader (metrics, the API, alerts, HARs) takes the phase timings from the typed result
 * ({@link ProbeResult#timings()}), which the prober measures once; a listener-fed copy of the same
 * timings would be a second road to keep in step with the first. Use it to watch a probe's steps
 * (a debugger, a test asserting the order of events, a trace), never to derive a second result.
 */
public interface ProbeListener {

    ProbeListener NONE = new ProbeListener() {};

    default void probeStart(ProbeSpec spec) {}

    default void dnsStart(String host) {}

    default void dnsEnd(String host, List<InetAddress> addresses) {}

    default void dnsFailed(String host, Exception cause) {}

    default void connectStart(InetSocketAddress address) {}

    default void connectEnd(InetSocketAddress address) {}

    default void connectFailed(InetSocketAddress address, Exception cause) {}

    default void tlsStart(String sni) {}

    default void tlsEnd(TlsFacts facts) {}

    default void tlsFailed(TlsFacts partialFacts, Exception cause) {}

    default void requestStart() {}

    default void requestEnd(int bytesSent) {}

    default void requestFailed(Exception cause) {}

    /** Starts when the request has been sent; ends when the complete head has been parsed. */
    default void responseHeadStart() {}

    default void responseFirstByte() {}

    default void responseHeadEnd(int headerBytes) {}

    default void responseHeadFailed(ProbeFailure failure) {}

    default void responseBodyStart() {}

    default void responseBodyEnd(long bodyBytes) {}

    default void responseBodyFailed(Exception cause) {}

    /** Always the last event of a probe, whatever happened. */
    default void probeEnd(ProbeResult result) {}
}
