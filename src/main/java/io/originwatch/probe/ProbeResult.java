package io.originwatch.probe;

import io.originwatch.http1.ResponseHead;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The raw facts of one probe, before classification.
 *
 * @param spec             what was probed
 * @param startedAt        wall-clock start
 * @param timings          phases that happened
 * @param connectedAddress the address connected to, or null if connect did not succeed
 * @param failure          why no usable head was read, or null when {@code head} is set
 * @param head             the final response head, or null on failure
 * @param headerBytes      bytes of the header section seen (complete or not)
 * @param bodyBytes        body bytes read (not counting discarded bytes past the limit)
 * @param bodyEndedEarly   the stream ended before Content-Length or the last chunk
 * @param bodyLimitReached reading stopped at the body limit
 * @param tls              handshake facts, or null for plain http or when no handshake started
 * @param evidence         bounded bytes for HAR and support bundles
 * @param httpVersion      {@code HTTP/2} or {@code HTTP/1.1} as spoken; null when no request went out
 */
public record ProbeResult(
        ProbeSpec spec,
        Instant startedAt,
        PhaseTimings timings,
        InetSocketAddress connectedAddress,
        ProbeFailure failure,
        ResponseHead head,
        int headerBytes,
        long bodyBytes,
        boolean bodyEndedEarly,
        boolean bodyLimitReached,
        TlsFacts tls,
        Evidence evidence,
        String httpVersion)
        implements java.io.Serializable {

    public static final String HTTP_1_1 = "HTTP/1.1";
    public static final String HTTP_2 = "HTTP/2";

    /** A result of the HTTP/1.1 prober (as every result was before HTTP/2): spoken when a request went out. */
    public ProbeResult(
            ProbeSpec spec,
            Instant startedAt,
            PhaseTimings timings,
            InetSocketAddress connectedAddress,
            ProbeFailure failure,
            ResponseHead head,
            int headerBytes,
            long bodyBytes,
            boolean bodyEndedEarly,
            boolean bodyLimitReached,
            TlsFacts tls,
            Evidence evidence) {
        this(
                spec,
                startedAt,
                timings,
                connectedAddress,
                failure,
                head,
                headerBytes,
                bodyBytes,
                bodyEndedEarly,
                bodyLimitReached,
                tls,
                evidence,
                evidence != null && evidence.requestHead().length > 0 ? HTTP_1_1 : null);
    }

    /** The protocol the origin selected in ALPN, or null (none negotiated, plain http, no handshake). */
    public String alpn() {
        return tls == null ? null : tls.alpn();
    }
}
