package io.originwatch.classify;

import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ParseFailure;
import io.originwatch.http1.ResponseHead;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.StatusSet;
import io.originwatch.probe.TlsFacts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds ProbeResults by hand: only the facts a case is about differ from a healthy default. */
final class SyntheticResult {

    static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

    private boolean tlsVerify = true;
    private String expectStatus = "200-399";
    private int headerLimitBytes = EdgeLimits.DEFAULT_HEADER_LIMIT_BYTES;
    private Duration responseTimeout = EdgeLimits.DEFAULT_RESPONSE_TIMEOUT;
    private final Map<Phase, Duration> timings = new EnumMap<>(Phase.class);
    private ProbeFailure failure;
    private ResponseHead head;
    private int headerBytes;
    private boolean bodyEndedEarly;
    private TlsFacts tls;

    static SyntheticResult ok() {
        return status(200, "OK");
    }

    static SyntheticResult status(int status, String reason) {
        return new SyntheticResult().head(status, reason, 120);
    }

    static SyntheticResult failed(ProbeFailure failure) {
        SyntheticResult r = new SyntheticResult();
        r.failure = failure;
        return r;
    }

    static SyntheticResult parseFailed(ParseFailure failure, int headerBytes) {
        SyntheticResult r = failed(new ProbeFailure.Parse(failure));
        r.headerBytes = headerBytes;
        return r;
    }

    SyntheticResult head(int status, String reason, int headerSectionBytes) {
        head = new ResponseHead(
                "HTTP/1.1", status, reason, List.of(new HeaderField("Server", "synthetic")), headerSectionBytes);
        headerBytes = headerSectionBytes;
        return this;
    }

    SyntheticResult headerBytes(int bytes) {
        return head(head.status(), head.reason(), bytes);
    }

    SyntheticResult expect(String statuses) {
        expectStatus = statuses;
        return this;
    }

    SyntheticResult limit(int bytes) {
        headerLimitBytes = bytes;
        return this;
    }

    SyntheticResult responseTimeout(Duration timeout) {
        responseTimeout = timeout;
        return this;
    }

    SyntheticResult ttfb(Duration ttfb) {
        timings.put(Phase.TTFB, ttfb);
        return this;
    }

    SyntheticResult tlsVerifyOff() {
        tlsVerify = false;
        return this;
    }

    SyntheticResult certificate(Instant notAfter, String validationError) {
        tls = new TlsFacts(
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                "CN=origin.test",
                List.of("origin.test"),
                "CN=Lab CA",
                notAfter,
                notAfter.minus(Duration.ofDays(90)),
                validationError);
        return this;
    }

    SyntheticResult bodyEndedEarly() {
        bodyEndedEarly = true;
        return this;
    }

    ProbeResult build() {
        ProbeSpec spec = new ProbeSpec(
                "shop",
                URI.create("https://127.0.0.1:8443/health"),
                "origin.test",
                "GET",
                List.of(),
                EdgeLimits.DEFAULT_CONNECT_TIMEOUT,
                responseTimeout,
                headerLimitBytes,
                EdgeLimits.DEFAULT_BODY_LIMIT_BYTES,
                StatusSet.parse(expectStatus),
                tlsVerify,
                null,
                "originwatch/test");
        return new ProbeResult(
                spec,
                NOW,
                new PhaseTimings(timings),
                null,
                failure,
                head,
                headerBytes,
                0,
                bodyEndedEarly,
                false,
                tls,
                Evidence.none());
    }
}
