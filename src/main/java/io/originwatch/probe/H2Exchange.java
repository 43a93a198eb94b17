package io.originwatch.probe;

import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ResponseHead;
import io.originwatch.http2.ClientSession;
import io.originwatch.http2.DecodedHead;
import io.originwatch.http2.Field;
import io.originwatch.http2.SessionState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The HTTP half of a probe over HTTP/2, on a TLS socket whose ALPN selected h2:
 * 1. send the preface, our SETTINGS and the request on stream 1 ({@link ClientSession#start});
 * 2. read until the final head, by the response deadline, writing the SETTINGS ACKs and PING
 * answers the session owes as they come; 3. read DATA up to the body limit, by the overall
 * deadline; 4. send GOAWAY(NO_ERROR) (close_notify follows when {@link ProbeRun} closes).
 * Never falls back to HTTP/1.1: as at the edge, an h2 failure is the result.
 *
 * <p>The head becomes an {@code http1.ResponseHead} with version {@code HTTP/2}, no reason phrase,
 * and its HTTP/1.1-equivalent size, so every rule that reads a head (status, header limit,
 * headers_near_limit) means the same on both protocols.
 */
final class H2Exchange extends HttpExchange {

    /** One TLS record's worth: h2 frames are up to 16 KiB. */
    static final int READ_BUFFER_BYTES = 16 * 1024;

    private final ProbeSpec spec;
    private final SafeListener listener;
    private final Socket socket;
    private final PhaseNanos timings;
    private final Deadline overall;
    private final BooleanSupplier watchdogFired;
    private final byte[] buf = new byte[READ_BUFFER_BYTES];
    private final ByteArrayOutputStream responseHead = new ByteArrayOutputStream();
    private final BodyCapture body;
    private final long bodyLimit;
    private final ClientSession session;
    private long firstByteAt;
    private long bodyKept;

    H2Exchange(
            ProbeSpec spec,
            SafeListener listener,
            Socket socket,
            PhaseNanos timings,
            Deadline overall,
            BooleanSupplier watchdogFired,
            int bodyCaptureBytes) {
        this.spec = spec;
        this.listener = listener;
        this.socket = socket;
        this.timings = timings;
        this.overall = overall;
        this.watchdogFired = watchdogFired;
        this.bodyLimit = Math.max(0, spec.bodyLimitBytes());
        this.body = new BodyCapture((int) Math.min(bodyLimit, bodyCaptureBytes));
        this.session = new ClientSession(spec.headerLimitBytes(), bodyLimit, this::data).onHeaderBlock(this::block);
    }

    @Override
    String httpVersion() {
        return ProbeResult.HTTP_2;
    }

    @Override
    void run() throws ProbeRun.Stop {
        send();
        readHead();
        if (!"HEAD".equalsIgnoreCase(spec.method())) {
            readBody();
        }
        timings.since(Phase.RECEIVE, firstByteAt);
        goAway();
    }

    @Override
    byte[] responseHeadEvidence() {
        return responseHead.toByteArray();
    }

    @Override
    byte[] bodyEvidence() {
        return body.bytes();
    }

    @Override
    boolean bodyEvidenceTruncated() {
        return body.dropped() || bodyLimitReached;
    }

    private void send() throws ProbeRun.Stop {
        byte[] opening;
        try {
            List<Field> fields = H2Request.fields(spec);
            requestHead = H2Request.evidence(H2Request.evidenceFields(spec));
            opening = session.start(fields);
        } catch (IllegalArgumentException e) {
            throw new ProbeRun.Stop(new ProbeFailure.Internal(e.getMessage()));
        }
        listener.requestStart();
        long start = System.nanoTime();
        try {
            write(opening);
        } catch (IOException e) {
            ProbeFailure f =
                    Failures.exchange(e, 0, false, spec.responseTimeout().toMillis(), watchdogFired.getAsBoolean());
            listener.requestFailed(e);
            throw new ProbeRun.Stop(f);
        }
        timings.since(Phase.SEND, start);
        listener.requestEnd(requestHead.length);
    }

    private void readHead() throws ProbeRun.Stop {
        listener.responseHeadStart();
        long sentAt = System.nanoTime();
        Deadline deadline = Deadline.after(sentAt, spec.responseTimeout()).min(overall);
        while (session.state() == SessionState.AWAITING_SETTINGS || session.state() == SessionState.AWAITING_HEAD) {
            if (deadline.passed()) {
                throw headFailed(timeout());
            }
            try {
                socket.setSoTimeout(deadline.remainingMillisAtLeastOne());
                int n = socket.getInputStream().read(buf);
                if (n < 0) {
                    session.endOfStream();
                } else {
                    if (responseBytes == 0) {
                        firstByteAt = System.nanoTime();
                        timings.put(Phase.TTFB, firstByteAt - sentAt);
                        listener.responseFirstByte();
                    }
                    responseBytes += n;
                    session.feed(buf, 0, n);
                    flushOwed();
                }
            } catch (SocketTimeoutException e) {
                throw headFailed(timeout());
            } catch (IOException e) {
                headerBytes = session.headerBytes();
                throw headFailed(Failures.exchange(
                        e, responseBytes, true, spec.responseTimeout().toMillis(), watchdogFired.getAsBoolean()));
            }
            headerBytes = session.headerBytes();
        }
        if (session.state() == SessionState.FAILED) {
            throw headFailed(new ProbeFailure.H2(session.failure()));
        }
        DecodedHead d = session.head();
        head = new ResponseHead(
                ProbeResult.HTTP_2,
                d.status(),
                "",
                d.fields().stream()
                        .map(f -> new HeaderField(f.name(), f.value()))
                        .toList(),
                d.http1Bytes());
        headerBytes = d.http1Bytes();
        listener.responseHeadEnd(headerBytes);
    }

    private void readBody() {
        listener.responseBodyStart();
        try {
            while (session.state() == SessionState.BODY && bodyKept < bodyLimit) {
                if (overall.passed()) {
                    throw new SocketTimeoutException("body not complete by the probe's deadline");
                }
                socket.setSoTimeout(overall.remainingMillisAtLeastOne());
                int n = socket.getInputStream().read(buf);
                if (n < 0) {
                    session.endOfStream();
                } else {
                    responseBytes += n;
                    session.feed(buf, 0, n);
                    flushOwed();
                }
            }
        } catch (IOException e) {
            bodyBytes = bodyKept;
            bodyEndedEarly =
                    Failures.isReset(e) || !watchdogFired.getAsBoolean() && !(e instanceof SocketTimeoutException);
            listener.responseBodyFailed(e);
            return;
        }
        bodyBytes = bodyKept;
        bodyLimitReached = session.state() == SessionState.BODY;
        bodyEndedEarly = session.bodyCutOff() != null;
        listener.responseBodyEnd(bodyBytes);
    }

    private void data(byte[] b, int off, int len) {
        int take = (int) Math.min(len, bodyLimit - bodyKept);
        if (take > 0) {
            body.keep(b, off, take);
            bodyKept += take;
        }
    }

    private void block(List<Field> fields) {
        if (session == null || session.head() == null) {
            H2Request.evidence(responseHead, fields);
        }
    }

    /** SETTINGS ACKs and PING answers the server is owed: an origin may wait for them. */
    private void flushOwed() throws IOException {
        byte[] owed = session.drainOutgoing();
        if (owed.length > 0 && !session.state().terminal()) {
            write(owed);
        }
    }

    /** Best effort: the result is decided; an origin that already closed only makes this fail. */
    private void goAway() {
        try {
            write(ClientSession.goAway());
        } catch (IOException e) {
            // the peer may be gone
        }
    }

    private void write(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private ProbeFailure timeout() {
        return new ProbeFailure.ResponseTimeout(spec.responseTimeout().toMillis(), responseBytes);
    }

    private ProbeRun.Stop headFailed(ProbeFailure failure) {
        listener.responseHeadFailed(failure);
        return new ProbeRun.Stop(failure);
    }
}
