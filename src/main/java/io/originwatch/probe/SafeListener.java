package io.originwatch.probe;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Shields the prober from its listener and keeps the pairing contract: a listener that throws is
 * logged and ignored, and {@link #failOpen} closes whichever phase an unexpected exception
 * interrupted, so every start still gets exactly one end or failed.
 */
final class SafeListener {

    private static final System.Logger LOG = System.getLogger(SafeListener.class.getName());

    /** The paired event groups, for {@link #failOpen}. */
    private enum Open {
        NONE,
        DNS,
        CONNECT,
        TLS,
        REQUEST,
        HEAD,
        BODY
    }

    private final ProbeListener delegate;
    private Open open = Open.NONE;
    private String dnsHost;
    private InetSocketAddress connectAddress;

    SafeListener(ProbeListener delegate) {
        this.delegate = delegate == null ? ProbeListener.NONE : delegate;
    }

    void probeStart(ProbeSpec spec) {
        call(() -> delegate.probeStart(spec));
    }

    void dnsStart(String host) {
        begin(Open.DNS);
        dnsHost = host;
        call(() -> delegate.dnsStart(host));
    }

    void dnsEnd(String host, List<InetAddress> addresses) {
        end(() -> delegate.dnsEnd(host, addresses));
    }

    void dnsFailed(String host, Exception cause) {
        end(() -> delegate.dnsFailed(host, cause));
    }

    void connectStart(InetSocketAddress address) {
        begin(Open.CONNECT);
        connectAddress = address;
        call(() -> delegate.connectStart(address));
    }

    void connectEnd(InetSocketAddress address) {
        end(() -> delegate.connectEnd(address));
    }

    void connectFailed(InetSocketAddress address, Exception cause) {
        end(() -> delegate.connectFailed(address, cause));
    }

    void tlsStart(String sni) {
        begin(Open.TLS);
        call(() -> delegate.tlsStart(sni));
    }

    void tlsEnd(TlsFacts facts) {
        end(() -> delegate.tlsEnd(facts));
    }

    void tlsFailed(TlsFacts partialFacts, Exception cause) {
        end(() -> delegate.tlsFailed(partialFacts, cause));
    }

    void requestStart() {
        begin(Open.REQUEST);
        call(delegate::requestStart);
    }

    void requestEnd(int bytesSent) {
        end(() -> delegate.requestEnd(bytesSent));
    }

    void requestFailed(Exception cause) {
        end(() -> delegate.requestFailed(cause));
    }

    void responseHeadStart() {
        begin(Open.HEAD);
        call(delegate::responseHeadStart);
    }

    void responseFirstByte() {
        call(delegate::responseFirstByte);
    }

    void responseHeadEnd(int headerBytes) {
        end(() -> delegate.responseHeadEnd(headerBytes));
    }

    void responseHeadFailed(ProbeFailure failure) {
        end(() -> delegate.responseHeadFailed(failure));
    }

    void responseBodyStart() {
        begin(Open.BODY);
        call(delegate::responseBodyStart);
    }

    void responseBodyEnd(long bodyBytes) {
        end(() -> delegate.responseBodyEnd(bodyBytes));
    }

    void responseBodyFailed(Exception cause) {
        end(() -> delegate.responseBodyFailed(cause));
    }

    void probeEnd(ProbeResult result) {
        call(() -> delegate.probeEnd(result));
    }

    /** Emits the failed event of the phase still open, if any (after an unexpected exception). */
    void failOpen(Exception cause, ProbeFailure failure) {
        switch (open) {
            case DNS -> dnsFailed(dnsHost, cause);
            case CONNECT -> connectFailed(connectAddress, cause);
            case TLS -> tlsFailed(null, cause);
            case REQUEST -> requestFailed(cause);
            case HEAD -> responseHeadFailed(failure);
            case BODY -> responseBodyFailed(cause);
            case NONE -> {}
        }
    }

    private void begin(Open phase) {
        open = phase;
    }

    private void end(Runnable event) {
        open = Open.NONE;
        call(event);
    }

    private static void call(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // The contract says listeners never throw; one that does must not break the probe.
            LOG.log(Level.DEBUG, "probe listener threw; ignored", e);
        }
    }
}
