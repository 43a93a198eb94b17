package io.originwatch.testing;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Classifier;
import io.originwatch.classify.EdgeLimits;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ParseFailure;
import io.originwatch.http1.ResponseHead;
import io.originwatch.lab.LabOrigin;
import io.originwatch.probe.ClientCertificate;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.HttpVersion;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.RequestHead;
import io.originwatch.probe.StatusSet;
import io.originwatch.probe.TlsFacts;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one test builder of probe specs, probe results and verdicts (the lab covers real sockets).
 * Only the facts a case is about differ from a default: the daemon's defaults for the spec
 * ({@link EdgeLimits}), origin {@code shop} at {@code https://127.0.0.1:8443/health} with host
 * {@code origin.test}, started at {@link #NOW}, and a result with neither head nor failure until a
 * case gives one. Mutable; {@link #spec()}, {@link #result()} and {@link #classify()} build fresh
 * records each time.
 */
public final class ProbeBuilder {

    public static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

    /** The User-Agent the daemon sends by default. */
    public static final String USER_AGENT = "originwatch/0.1.0";

    /** The User-Agent of lab probes in tests. */
    public static final String LAB_USER_AGENT = "originwatch-test/1";

    /** The spec's values: ProbeSpec's own builder, so a field added to the spec needs nothing here. */
    private ProbeSpec.Builder spec = ProbeSpec.builder()
            .name("shop")
            .url(URI.create("https://127.0.0.1:8443/health"))
            .host("origin.test")
            .method("GET")
            .connectTimeout(EdgeLimits.DEFAULT_CONNECT_TIMEOUT)
            .responseTimeout(EdgeLimits.DEFAULT_RESPONSE_TIMEOUT)
            .headerLimitBytes(EdgeLimits.DEFAULT_HEADER_LIMIT_BYTES)
            .bodyLimitBytes(EdgeLimits.DEFAULT_BODY_LIMIT_BYTES)
            .expectStatus(StatusSet.DEFAULT)
            .userAgent(USER_AGENT);

    /** The spec's request headers so far (the spec's builder has no getter to append to). */
    private List<ProbeSpec.RequestHeader> headers = List.of();

    private Instant startedAt = NOW;
    private final Map<Phase, Duration> timings = new EnumMap<>(Phase.class);
    private String connectedHost;
    private ProbeFailure failure;
    private ResponseHead head;
    private int headerBytes;
    private long bodyBytes;
    private boolean bodyEndedEarly;
    private TlsFacts tls;
    private byte[] headBytes;
    private byte[] body;

    private ProbeBuilder() {}

    /** Neither a response head nor a failure (what no prober result should be). */
    public static ProbeBuilder probe() {
        return new ProbeBuilder();
    }

    /** Starts from {@code spec}, for a variation of it. */
    public static ProbeBuilder probe(ProbeSpec spec) {
        ProbeBuilder b = new ProbeBuilder();
        b.spec = spec.toBuilder();
        b.headers = spec.headers();
        return b;
    }

    /**
     * A spec of the lab origin's own settings (its timeouts, header limit, expect-status and
     * tls-verify), sending the User-Agent the prober tests assert ({@link #LAB_USER_AGENT}).
     */
    public static ProbeBuilder lab(LabOrigin o) {
        ProbeBuilder b = new ProbeBuilder();
        b.spec.name(o.name())
                .url(o.url())
                .host(o.host())
                .connectTimeout(o.connectTimeout())
                .responseTimeout(o.responseTimeout())
                .headerLimitBytes(o.headerLimitBytes())
                .expectStatus(StatusSet.parse(o.expectStatus()))
                .tlsVerify(o.tlsVerify())
                .userAgent(LAB_USER_AGENT)
                .clientCertificate(
                        o.clientCertificate() == null
                                ? null
                                : new ClientCertificate(o.clientCertificate(), o.clientKey()));
        return b;
    }

    public static ProbeBuilder ok() {
        return status(200, "OK");
    }

    /** A parsed head of {@code status} (a 120-byte header section), no body. */
    public static ProbeBuilder status(int status, String reason) {
        return new ProbeBuilder().head(status, reason, 120);
    }

    public static ProbeBuilder failed(ProbeFailure failure) {
        return new ProbeBuilder().failure(failure);
    }

    public static ProbeBuilder parseFailed(ParseFailure failure, int headerBytes) {
        ProbeBuilder b = failed(new ProbeFailure.Parse(failure));
        b.headerBytes = headerBytes;
        return b;
    }

    /** Connection refused after 2 ms, nothing sent. */
    public static ProbeBuilder refused() {
        return failed(new ProbeFailure.Refused("connection refused")).timing(Phase.TOTAL, Duration.ofMillis(2));
    }

    /**
     * A complete 200 from 203.0.113.10 with these head fields and this body, their exact bytes kept
     * as evidence, and the phases of a whole exchange (dns 3, connect 10, send 1, ttfb 40, receive 5,
     * total 60 ms).
     */
    public static ProbeBuilder exchange(List<HeaderField> fields, String body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        fields.forEach(f -> head.append(f.name()).append(": ").append(f.value()).append("\r\n"));
        head.append("\r\n");
        ProbeBuilder b = new ProbeBuilder();
        b.headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        b.body = body.getBytes(StandardCharsets.UTF_8);
        b.head = new ResponseHead("HTTP/1.1", 200, "OK", fields, b.headBytes.length);
        b.headerBytes = b.headBytes.length;
        b.bodyBytes = b.body.length;
        b.connectedHost = "203.0.113.10";
        return b.timing(Phase.DNS, Duration.ofMillis(3))
                .timing(Phase.CONNECT, Duration.ofMillis(10))
                .timing(Phase.SEND, Duration.ofMillis(1))
                .timing(Phase.TTFB, Duration.ofMillis(40))
                .timing(Phase.RECEIVE, Duration.ofMillis(5))
                .timing(Phase.TOTAL, Duration.ofMillis(60));
    }

    /**
     * A classified probe of {@code origin} (host {@code <origin>.test}) ending in {@code cause} at
     * {@code at}, shaped as the prober and classifier make it, for tests that read verdicts only
     * (alerts, retention): connect 12, tls 30, total 57 ms; edge status 200 for ok, 503 for
     * unexpected_status, else the cause's fixed 52x (0 for probe_error: nothing reached the origin).
     */
    public static Verdict verdict(String origin, Cause cause, Instant at) {
        ProbeFailure failure = switch (cause) {
            case OK, UNEXPECTED_STATUS -> null;
            case CONNECTION_RESET -> new ProbeFailure.Reset(0, true);
            default -> new ProbeFailure.Internal("synthetic " + cause.label());
        };
        ProbeResult result = probe().name(origin)
                .host(origin + ".test")
                .startedAt(at)
                .failure(failure)
                .timing(Phase.CONNECT, Duration.ofMillis(12))
                .timing(Phase.TLS, Duration.ofMillis(30))
                .timing(Phase.TOTAL, Duration.ofMillis(57))
                .result();
        int edgeStatus = switch (cause) {
            case OK -> 200;
            case UNEXPECTED_STATUS -> 503;
            default -> cause.fixedEdgeStatus();
        };
        String detail = cause == Cause.OK ? "200 OK" : cause.label() + " after 0 response bytes; request was sent";
        return new Verdict(result, cause, edgeStatus, cause.fixedEdgeStatus() == 0 ? edgeStatus : 0, List.of(), detail);
    }

    public ProbeBuilder name(String name) {
        spec.name(name);
        return this;
    }

    public ProbeBuilder url(String url) {
        spec.url(URI.create(url));
        return this;
    }

    public ProbeBuilder url(URI url) {
        spec.url(url);
        return this;
    }

    public ProbeBuilder host(String host) {
        spec.host(host);
        return this;
    }

    public ProbeBuilder method(String method) {
        spec.method(method);
        return this;
    }

    public ProbeBuilder header(String name, String value) {
        List<ProbeSpec.RequestHeader> more = new ArrayList<>(headers);
        more.add(new ProbeSpec.RequestHeader(name, value));
        headers = List.copyOf(more);
        spec.headers(headers);
        return this;
    }

    public ProbeBuilder headers(List<ProbeSpec.RequestHeader> headers) {
        this.headers = headers;
        spec.headers(headers);
        return this;
    }

    public ProbeBuilder connectTimeout(Duration timeout) {
        spec.connectTimeout(timeout);
        return this;
    }

    public ProbeBuilder responseTimeout(Duration timeout) {
        spec.responseTimeout(timeout);
        return this;
    }

    /** The header-section limit. */
    public ProbeBuilder limit(int bytes) {
        spec.headerLimitBytes(bytes);
        return this;
    }

    public ProbeBuilder bodyLimit(int bytes) {
        spec.bodyLimitBytes(bytes);
        return this;
    }

    public ProbeBuilder expect(String statuses) {
        spec.expectStatus(StatusSet.parse(statuses));
        return this;
    }

    public ProbeBuilder tlsVerify(boolean verify) {
        spec.tlsVerify(verify);
        return this;
    }

    public ProbeBuilder tlsVerifyOff() {
        return tlsVerify(false);
    }

    public ProbeBuilder trustCa(Path pem) {
        spec.trustCa(pem);
        return this;
    }

    /** The client certificate presented when the origin asks (null: none). */
    public ProbeBuilder clientCertificate(ClientCertificate client) {
        spec.clientCertificate(client);
        return this;
    }

    public ProbeBuilder userAgent(String userAgent) {
        spec.userAgent(userAgent);
        return this;
    }

    public ProbeBuilder startedAt(Instant at) {
        startedAt = at;
        return this;
    }

    public ProbeBuilder timing(Phase phase, Duration d) {
        timings.put(phase, d);
        return this;
    }

    public ProbeBuilder ttfb(Duration ttfb) {
        return timing(Phase.TTFB, ttfb);
    }

    public ProbeBuilder failure(ProbeFailure failure) {
        this.failure = failure;
        return this;
    }

    /** Connected to {@code address} at the url's port. */
    public ProbeBuilder connected(String address) {
        connectedHost = address;
        return this;
    }

    /** A parsed head with one {@code Server} field and a header section of {@code headerSectionBytes}. */
    public ProbeBuilder head(int status, String reason, int headerSectionBytes) {
        head = new ResponseHead(
                "HTTP/1.1", status, reason, List.of(new HeaderField("Server", "synthetic")), headerSectionBytes);
        headerBytes = headerSectionBytes;
        return this;
    }

    /** Header-section bytes seen (the head's own size when there is a head). */
    public ProbeBuilder headerBytes(int bytes) {
        if (head == null) {
            headerBytes = bytes;
            return this;
        }
        return head(head.status(), head.reason(), bytes);
    }

    public ProbeBuilder bodyEndedEarly() {
        bodyEndedEarly = true;
        return this;
    }

    /** TLS 1.3 facts of a leaf for {@code origin.test} valid until {@code notAfter}. */
    public ProbeBuilder certificate(Instant notAfter, String validationError) {
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

    /**
     * TLS facts of a TLS 1.3 handshake ({@code protocol} null: one that did not complete) with this
     * client authentication.
     */
    public ProbeBuilder clientAuth(String protocol, TlsFacts.ClientAuth auth) {
        tls = new TlsFacts(
                        protocol,
                        protocol == null ? null : "TLS_AES_128_GCM_SHA256",
                        "CN=origin.test",
                        List.of("origin.test"),
                        "CN=Lab CA",
                        NOW.plus(Duration.ofDays(60)),
                        NOW.minus(Duration.ofDays(30)),
                        null)
                .withClientAuth(auth);
        return this;
    }

    public ProbeSpec spec() {
        return spec.build();
    }

    public ProbeBuilder httpVersion(HttpVersion version) {
        spec.httpVersion(version);
        return this;
    }

    public ProbeResult result() {
        ProbeSpec spec = spec();
        Evidence evidence =
                headBytes == null ? Evidence.none() : new Evidence(RequestHead.build(spec), headBytes, body, false);
        return new ProbeResult(
                spec,
                startedAt,
                new PhaseTimings(timings),
                connectedHost == null ? null : new InetSocketAddress(connectedHost, spec.port()),
                failure,
                head,
                headerBytes,
                bodyBytes,
                bodyEndedEarly,
                false,
                tls,
                evidence);
    }

    /** The result as the classifier judges it at its start. */
    public Verdict classify() {
        return new Classifier().classify(result(), startedAt);
    }

    /** The result with a verdict given by hand (for tests of what reads verdicts, not of the classifier). */
    public Verdict verdict(Cause cause, int edgeStatus, int httpStatus, String detail, Warning... warnings) {
        return new Verdict(result(), cause, edgeStatus, httpStatus, List.of(warnings), detail);
    }
}
