package io.originwatch.probe;

import io.originwatch.http1.ResponseHead;

/**
 * The HTTP half of a probe, whichever protocol: what {@link ProbeRun} reads back into the result.
 * {@link Exchange} speaks HTTP/1.1, {@link H2Exchange} HTTP/2; both within the same deadlines.
 */
abstract class HttpExchange {

    byte[] requestHead = new byte[0];
    ResponseHead head;
    int headerBytes;
    long responseBytes;
    long bodyBytes;
    boolean bodyEndedEarly;
    boolean bodyLimitReached;

    /** Sends the request and reads the response; throws with the failure decided where it happened. */
    abstract void run() throws ProbeRun.Stop;

    /** {@link ProbeResult#HTTP_1_1} or {@link ProbeResult#HTTP_2}. */
    abstract String httpVersion();

    /** The response head as received (HTTP/1.1) or as decoded (HTTP/2), at most {@link Evidence#MAX_HEAD_BYTES}. */
    abstract byte[] responseHeadEvidence();

    abstract byte[] bodyEvidence();

    /** The kept body is shorter than the body. */
    abstract boolean bodyEvidenceTruncated();
}
