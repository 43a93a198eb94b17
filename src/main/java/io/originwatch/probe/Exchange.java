package io.originwatch.probe;

import io.originwatch.http1.ParseStep;
import io.originwatch.http1.RedactionRule;
import io.originwatch.http1.ResponseHeadParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The HTTP half of a probe on a connected (and, for https, handshaken) socket:
 * 1. send the request head; 2. read the response head through {@link ResponseHeadParser}, every read
 * bounded by the time left until the response deadline and by the bytes left in the header budget;
 * 3. read the body up to the body limit, by the overall deadline, keeping its first payload bytes
 * (at most the body-capture limit) for evidence. Memory stays bounded: one read buffer, the parser's
 * budget, at most {@link Evidence#MAX_HEAD_BYTES} of head evidence and the body-capture limit.
 *
 * <p>The read buffer is borrowed from {@link ReadBuffers} when {@link #run} starts and given back
 * when it ends, however it ends (a failure, a timeout, the watchdog closing the socket, an
 * unexpected exception), by this thread and after the last read into it returned; nothing reads
 * from it afterwards: the parser, the body framing and the evidence copy what they keep.
 */
final class Exchange extends HttpExchange {

    /** Read size; small enough that the header budget is overshot by little. */
    static final int READ_BUFFER_BYTES = ReadBuffers.BUFFER_BYTES;

    private final ProbeSpec spec;
    private final SafeListener listener;
    private final Socket socket;
    private final PhaseNanos timings;
    private final Deadline overall;
    private final BooleanSupplier watchdogFired;
    private final ReadBuffers buffers;
    /** Borrowed from {@link #buffers} for the length of {@link #run}; null before and after. */
    private byte[] buf;

    private boolean ran;
    /** The response head as received, at most {@link Evidence#MAX_HEAD_BYTES}; sized as it arrives. */
    private byte[] responseHead = new byte[0];

    private int responseHeadSize;
    private final BodyCapture body;

    private final RedactionRule redaction;
    private long firstByteAt;
    private int bodyOff;
    private int bodyLen;

    Exchange(
            ProbeSpec spec,
            SafeListener listener,
            Socket socket,
            PhaseNanos timings,
            Deadline overall,
            BooleanSupplier watchdogFired,
            int bodyCaptureBytes,
            RedactionRule redaction,
            ReadBuffers buffers) {
        this.spec = spec;
        this.buffers = buffers;
        this.redaction = redaction;
        this.body = new BodyCapture(Math.min(Math.max(0, spec.bodyLimitBytes()), bodyCaptureBytes));
        this.listener = listener;
        this.socket = socket;
        this.timings = timings;
        this.overall = overall;
        this.watchdogFired = watchdogFired;
    }

    @Override
    String httpVersion() {
        return ProbeResult.HTTP_1_1;
    }

    @Override
    void run() throws ProbeRun.Stop {
        if (ran) {
            throw new IllegalStateException("an exchange runs once");
        }
        ran = true;
        buf = buffers.take();
        try {
            send();
            readHead();
            if (!"HEAD".equalsIgnoreCase(spec.method())) {
                readBody();
            }
            timings.since(Phase.RECEIVE, firstByteAt);
        } finally {
            byte[] b = buf;
            buf = null; // any later use fails loudly instead of touching an array lent to another probe
            buffers.giveBack(b);
        }
    }

    @Override
    byte[] responseHeadEvidence() {
        return responseHeadSize == responseHead.length ? responseHead : Arrays.copyOf(responseHead, responseHeadSize);
    }

    @Override
    byte[] bodyEvidence() {
        return body.bytes();
    }

    /**
     * The kept body is shorter than the body: more payload arrived than was kept, or reading stopped
     * at the body limit with the message not complete (so more existed).
     */
    @Override
    boolean bodyEvidenceTruncated() {
        return body.dropped() || bodyLimitReached;
    }

    private void send() throws ProbeRun.Stop {
        byte[] wire;
        try {
            wire = RequestHead.build(spec);
            // the same bytes unless a header's value comes from a file (then redacted): build once
            requestHead = RequestHead.hasSecret(spec) ? RequestHead.evidence(spec) : wire;
        } catch (IllegalArgumentException e) {
            throw new ProbeRun.Stop(new ProbeFailure.Internal(e.getMessage()));
        }
        listener.requestStart();
        long start = System.nanoTime();
        try {
            OutputStream out = socket.getOutputStream();
            out.write(wire);
            out.flush();
        } catch (IOException e) {
            ProbeFailure f =
                    Failures.exchange(e, 0, false, spec.responseTimeout().toMillis(), watchdogFired.getAsBoolean());
            listener.requestFailed(e);
            throw new ProbeRun.Stop(f);
        }
        timings.since(Phase.SEND, start);
        listener.requestEnd(wire.length);
    }

    private void readHead() throws ProbeRun.Stop {
        ResponseHeadParser parser = new ResponseHeadParser(spec.headerLimitBytes(), redaction);
        listener.responseHeadStart();
        long sentAt = System.nanoTime();
        Deadline deadline = Deadline.after(sentAt, spec.responseTimeout()).min(overall);
        while (true) {
            int n = readBounded(parser, deadline);
            ParseStep step;
            if (n < 0) {
                step = parser.endOfStream();
            } else {
                if (responseBytes == 0) {
                    firstByteAt = System.nanoTime();
                    timings.put(Phase.TTFB, firstByteAt - sentAt);
                    listener.responseFirstByte();
                }
                responseBytes += n;
                step = parser.feed(buf, 0, n);
                keep(step instanceof ParseStep.Complete c ? c.consumed() : n);
            }
            headerBytes = parser.bytesSeen();
            switch (step) {
                case ParseStep.Complete c -> {
                    head = c.head();
                    headerBytes = head.headerSectionBytes();
                    bodyOff = c.consumed();
                    bodyLen = Math.max(0, n - c.consumed());
                    listener.responseHeadEnd(headerBytes);
                    return;
                }
                case ParseStep.Failed f -> throw headFailed(new ProbeFailure.Parse(f.failure()), null);
                case ParseStep.NeedMore m -> {
                    if (n < 0) {
                        throw headFailed(new ProbeFailure.Internal("parser wants more after end of stream"), null);
                    }
                }
            }
        }
    }

    /** One read of at most the bytes left in the header budget (+1 to see it overflow), before the deadline. */
    private int readBounded(ResponseHeadParser parser, Deadline deadline) throws ProbeRun.Stop {
        if (deadline.passed()) {
            throw headFailed(timeout(), null);
        }
        int budgetLeft = parser.headerLimitBytes() - parser.bytesSeen() + 1;
        int want = Math.max(1, Math.min(buf.length, budgetLeft));
        try {
            socket.setSoTimeout(deadline.remainingMillisAtLeastOne());
            return socket.getInputStream().read(buf, 0, want);
        } catch (SocketTimeoutException e) {
            throw headFailed(timeout(), e);
        } catch (IOException e) {
            throw headFailed(
                    Failures.exchange(
                            e, responseBytes, true, spec.responseTimeout().toMillis(), watchdogFired.getAsBoolean()),
                    e);
        }
    }

    private ProbeFailure timeout() {
        return new ProbeFailure.ResponseTimeout(spec.responseTimeout().toMillis(), responseBytes);
    }

    private ProbeRun.Stop headFailed(ProbeFailure failure, Exception cause) {
        listener.responseHeadFailed(failure);
        return new ProbeRun.Stop(failure);
    }

    /**
     * Keeps the first {@code len} bytes of {@link #buf} as head evidence. A head that arrives in one
     * read (the usual case) costs one array of exactly its size; later pieces grow it by doubling.
     */
    private void keep(int len) {
        int take = Math.min(Evidence.MAX_HEAD_BYTES - responseHeadSize, len);
        if (take <= 0) {
            return;
        }
        int needed = responseHeadSize + take;
        if (needed > responseHead.length) {
            int grown = responseHeadSize == 0 ? needed : Math.max(needed, responseHead.length * 2);
            responseHead = Arrays.copyOf(responseHead, Math.min(Evidence.MAX_HEAD_BYTES, grown));
        }
        System.arraycopy(buf, 0, responseHead, responseHeadSize, take);
        responseHeadSize = needed;
    }

    private void readBody() {
        BodyFraming framing = BodyFraming.of(head, spec.method(), body);
        listener.responseBodyStart();
        long limit = Math.max(0, spec.bodyLimitBytes());
        long wire = 0;
        int off = bodyOff;
        int len = bodyLen;
        InputStream in;
        try {
            in = socket.getInputStream();
            while (true) {
                int take = (int) Math.min(len, limit - wire);
                framing.consume(buf, off, take);
                wire += take;
                if (framing.complete() || framing.malformed()) {
                    break;
                }
                if (wire >= limit) {
                    bodyLimitReached = true;
                    break;
                }
                if (overall.passed()) {
                    throw new SocketTimeoutException("body not complete by the probe's deadline");
                }
                socket.setSoTimeout(overall.remainingMillisAtLeastOne());
                off = 0;
                len = in.read(buf, 0, (int) Math.min(buf.length, limit - wire));
                if (len < 0) {
                    bodyEndedEarly = !framing.endsAtClose();
                    break;
                }
            }
        } catch (IOException e) {
            bodyBytes = framing.payloadBytes();
            bodyEndedEarly = Failures.isReset(e)
                    || (!watchdogFired.getAsBoolean()
                            && !(e instanceof SocketTimeoutException)
                            && !framing.endsAtClose());
            listener.responseBodyFailed(e);
            return;
        }
        bodyBytes = framing.payloadBytes();
        listener.responseBodyEnd(bodyBytes);
    }
}
