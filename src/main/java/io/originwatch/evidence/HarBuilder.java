package io.originwatch.evidence;

import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ResponseHead;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.RequestHead;
import io.originwatch.probe.TlsFacts;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the HAR 1.2 document of one classified probe: one entry, headers exactly as sent and
 * received (secrets redacted), real header-section byte counts, timings from the phases, the body
 * the prober kept, and originwatch's verdict in {@code _} fields. A probe that failed before any
 * response byte has status 0 and an {@code _error}, as browsers export a failed request.
 */
public final class HarBuilder {

    /** What {@code creator.name} says. */
    public static final String CREATOR = "originwatch";

    private static final Pattern STATUS_LINE = Pattern.compile("(HTTP/1\\.\\d) (\\d{3})(?: (.*))?");
    private static final String NO_MIME = "x-unknown";

    private final String version;
    private final Redactor redactor;

    public HarBuilder(String version, Redactor redactor) {
        this.version = version;
        this.redactor = redactor;
    }

    public Redactor redactor() {
        return redactor;
    }

    public Har build(Verdict verdict, ProbeKind kind) {
        ProbeResult r = verdict.result();
        ProbeSpec spec = r.spec();
        List<Har.Header> sent = requestHeaders(r);
        HarTimings timings = HarTimings.of(r.timings());
        Har.Entry entry = new Har.Entry(
                iso(r.startedAt()),
                timings.total(),
                request(r, sent),
                response(r, verdict),
                Map.of(),
                timings.har(),
                r.connectedAddress() == null
                        ? null
                        : r.connectedAddress().getAddress().getHostAddress(),
                null,
                spec.name(),
                kind.label(),
                verdict.cause().label(),
                verdict.edgeStatus(),
                verdict.warnings().stream().map(Warning::label).toList(),
                verdict.detail(),
                CurlCommand.build(spec, r.connectedAddress(), sent, redactor),
                r.failure() == null ? null : verdict.detail(),
                spec.headerLimitBytes(),
                tls(r.tls()));
        String comment = "originwatch " + kind.label() + " probe of " + spec.name() + ": "
                + verdict.cause().label();
        return new Har(new Har.Log(Har.VERSION, new Har.Creator(CREATOR, version), List.of(entry), comment));
    }

    /** The curl line of a probe (also in the HAR as {@code _curl}). */
    public String curl(ProbeResult r) {
        return CurlCommand.build(r.spec(), r.connectedAddress(), requestHeaders(r), redactor);
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The fields sent; when nothing was sent, the fields the probe would have sent. */
    private List<Har.Header> requestHeaders(ProbeResult r) {
        byte[] head = r.evidence().requestHead();
        if (head.length == 0) {
            try {
                head = RequestHead.build(r.spec());
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
        return RawHead.parse(head, redactor).headers();
    }

    private Har.Request request(ProbeResult r, List<Har.Header> headers) {
        int sentBytes = r.evidence().requestHead().length;
        String comment = sentBytes == 0
                ? "not sent: the probe ended before the request; headers are those it would have sent"
                : null;
        return new Har.Request(
                r.spec().method(),
                redactor.url(HarUrls.siteUrl(r.spec())),
                "HTTP/1.1",
                List.of(),
                headers,
                HarUrls.query(r.spec()).stream()
                        .map(q -> redactor.redacts(q.name()) ? new Har.QueryParam(q.name(), Redactor.REDACTED) : q)
                        .toList(),
                sentBytes == 0 ? -1 : sentBytes,
                0,
                comment);
    }

    private Har.Response response(ProbeResult r, Verdict v) {
        ResponseHead head = r.head();
        if (head != null) {
            List<Har.Header> headers =
                    head.fields().stream().map(this::received).toList();
            String mime = head.first("Content-Type").orElse(NO_MIME);
            return new Har.Response(
                    head.status(),
                    head.reason(),
                    head.version(),
                    List.of(),
                    headers,
                    BodyContent.of(
                            r.evidence().body(),
                            r.bodyBytes(),
                            mime,
                            r.evidence().bodyTruncated()),
                    redactor.url(head.first("Location").orElse("")),
                    head.headerSectionBytes(),
                    r.bodyBytes(),
                    r.bodyEndedEarly() ? "body ended before Content-Length or the last chunk" : null);
        }
        byte[] bytes = r.evidence().responseHead();
        Har.Content none = new Har.Content(0, NO_MIME, null, null, null);
        if (bytes.length == 0) {
            return new Har.Response(
                    0, "", "", List.of(), List.of(), none, "", -1, -1, "no response byte received: " + v.detail());
        }
        RawHead raw = RawHead.parse(bytes, redactor);
        Matcher m = STATUS_LINE.matcher(raw.startLine());
        boolean statusLine = m.matches();
        String comment = "no usable response head (" + r.headerBytes() + " bytes received): " + v.detail()
                + (statusLine ? "" : "; first line as received: " + excerpt(raw.startLine()));
        return new Har.Response(
                statusLine ? Integer.parseInt(m.group(2)) : 0,
                statusLine && m.group(3) != null ? m.group(3) : "",
                statusLine ? m.group(1) : "",
                List.of(),
                raw.headers(),
                none,
                "",
                r.headerBytes(),
                -1,
                comment);
    }

    private Har.Header received(HeaderField f) {
        return new Har.Header(f.name(), redactor.harValue(f.name(), f.value()), null);
    }

    private static Har.Tls tls(TlsFacts t) {
        if (t == null) {
            return null;
        }
        return new Har.Tls(
                t.protocol(),
                t.cipherSuite(),
                t.leafSubject(),
                t.leafSans(),
                t.leafIssuer(),
                t.leafNotBefore() == null ? null : iso(t.leafNotBefore()),
                t.leafNotAfter() == null ? null : iso(t.leafNotAfter()),
                t.validationError());
    }

    private static String excerpt(String line) {
        String cut = line.length() > 200 ? line.substring(0, 200) + "..." : line;
        StringBuilder sb = new StringBuilder();
        for (char c : cut.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
