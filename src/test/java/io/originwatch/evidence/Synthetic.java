package io.originwatch.evidence;

import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ResponseHead;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.RequestHead;
import io.originwatch.probe.StatusSet;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made probe results for tests that need exact bytes (the lab covers real sockets). */
final class Synthetic {

    static final Instant AT = Instant.parse("2026-11-23T20:15:30.123Z");

    private Synthetic() {}

    static ProbeSpec spec(
            String url, String host, String method, List<ProbeSpec.RequestHeader> headers, boolean verify) {
        return new ProbeSpec(
                "shop",
                URI.create(url),
                host,
                method,
                headers,
                Duration.ofSeconds(19),
                Duration.ofSeconds(125),
                8192,
                64 * 1024,
                StatusSet.parse("200-399"),
                verify,
                null,
                "originwatch/0.1.0");
    }

    /** A complete 200 with the given response head lines and body. */
    static Verdict ok(ProbeSpec spec, List<HeaderField> fields, String body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        fields.forEach(f -> head.append(f.name()).append(": ").append(f.value()).append("\r\n"));
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        ResponseHead rh = new ResponseHead("HTTP/1.1", 200, "OK", fields, headBytes.length);
        ProbeResult r = new ProbeResult(
                spec,
                AT,
                timings(),
                new InetSocketAddress("203.0.113.10", spec.port()),
                null,
                rh,
                headBytes.length,
                bodyBytes.length,
                false,
                false,
                null,
                new Evidence(RequestHead.build(spec), headBytes, bodyBytes, false));
        return new Classifier().classify(r, AT);
    }

    /** A 200 probed at {@code at}, given the verdict {@code cause} (for retention tests, which only read the verdict). */
    static Verdict at(Instant at, io.originwatch.classify.Cause cause) {
        ProbeResult r = ok(spec("http://127.0.0.1/", "a.test", "GET", List.of(), true), List.of(), "")
                .result();
        ProbeResult moved = new ProbeResult(
                r.spec(),
                at,
                r.timings(),
                r.connectedAddress(),
                r.failure(),
                r.head(),
                r.headerBytes(),
                r.bodyBytes(),
                r.bodyEndedEarly(),
                r.bodyLimitReached(),
                r.tls(),
                r.evidence());
        return new Verdict(moved, cause, cause.healthy() ? 200 : 520, 200, List.of(), cause.label());
    }

    /** Refused before anything was sent. */
    static Verdict refused(ProbeSpec spec) {
        ProbeResult r = new ProbeResult(
                spec,
                AT,
                new PhaseTimings(Map.of(Phase.TOTAL, Duration.ofMillis(2))),
                null,
                new ProbeFailure.Refused("connection refused"),
                null,
                0,
                0,
                false,
                false,
                null,
                Evidence.none());
        return new Classifier().classify(r, AT);
    }

    private static PhaseTimings timings() {
        return new PhaseTimings(Map.of(
                Phase.DNS,
                Duration.ofMillis(3),
                Phase.CONNECT,
                Duration.ofMillis(10),
                Phase.SEND,
                Duration.ofMillis(1),
                Phase.TTFB,
                Duration.ofMillis(40),
                Phase.RECEIVE,
                Duration.ofMillis(5),
                Phase.TOTAL,
                Duration.ofMillis(60)));
    }
}
