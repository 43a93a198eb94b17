package io.originwatch.classify;

import io.originwatch.http1.ParseFailure;
import io.originwatch.http1.ResponseHead;
import io.originwatch.http2.H2Failure;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.TlsFacts;
import java.util.List;

/**
 * The cause catalogue as an ordered list: the first rule that matches wins. Most rules test the
 * prober's failure variant; a few also read raw facts, which is where the order matters (a failed
 * certificate check with tls-verify on beats a good status; a head over the limit beats its status).
 */
final class CauseRules {

    static final List<CauseRule> ORDERED = List.of(
            new CauseRule(
                    Cause.UNREACHABLE,
                    r -> r.failure() instanceof ProbeFailure.Unreachable,
                    r -> target(r) + " unreachable: " + ((ProbeFailure.Unreachable) r.failure()).reason()),
            new CauseRule(
                    Cause.CONNECTION_REFUSED,
                    r -> r.failure() instanceof ProbeFailure.Refused,
                    r -> "connection refused by " + target(r) + ": " + ((ProbeFailure.Refused) r.failure()).reason()),
            new CauseRule(
                    Cause.CONNECT_TIMEOUT,
                    r -> r.failure() instanceof ProbeFailure.ConnectTimeout,
                    r -> "TCP handshake with " + target(r) + " not complete within "
                            + millis(((ProbeFailure.ConnectTimeout) r.failure()).timeoutMillis())),
            new CauseRule(
                    Cause.TLS_HANDSHAKE_FAILED,
                    r -> r.failure() instanceof ProbeFailure.TlsHandshake,
                    r -> "TLS handshake failed: " + ((ProbeFailure.TlsHandshake) r.failure()).reason()),
            new CauseRule(
                    Cause.TLS_CERTIFICATE_INVALID, CauseRules::certificateRejected, CauseRules::certificateDetail),
            new CauseRule(
                    Cause.CLIENT_CERTIFICATE_REJECTED,
                    r -> r.failure() instanceof ProbeFailure.ClientCertificateRejected,
                    CauseRules::clientCertificateDetail,
                    r -> ((ProbeFailure.ClientCertificateRejected) r.failure()).duringHandshake() ? 525 : 520),
            new CauseRule(
                    Cause.CONNECTION_RESET, r -> r.failure() instanceof ProbeFailure.Reset, CauseRules::resetDetail),
            new CauseRule(
                    Cause.EMPTY_RESPONSE,
                    r -> parseFailure(r) instanceof ParseFailure.EmptyResponse
                            || h2Failure(r) instanceof H2Failure.ClosedBeforeResponse,
                    CauseRules::describeFailure),
            new CauseRule(Cause.HEADERS_TOO_LARGE, CauseRules::headersTooLarge, CauseRules::tooLargeDetail),
            new CauseRule(
                    Cause.MISSING_HEADERS,
                    r -> parseFailure(r) instanceof ParseFailure.MissingHeaders
                            || h2Failure(r) instanceof H2Failure.NoHeaderFields,
                    CauseRules::describeFailure),
            new CauseRule(
                    Cause.INVALID_RESPONSE,
                    r -> parseFailure(r) != null,
                    r -> parseFailure(r).describe()),
            new CauseRule(
                    Cause.H2_SPOKE_HTTP1,
                    r -> h2Failure(r) instanceof H2Failure.SpokeHttp1 || h2Failure(r) instanceof H2Failure.NotSelected,
                    CauseRules::describeFailure),
            new CauseRule(Cause.H2_GOAWAY, r -> h2Failure(r) instanceof H2Failure.GoAway, CauseRules::describeFailure),
            new CauseRule(
                    Cause.H2_STREAM_RESET,
                    r -> h2Failure(r) instanceof H2Failure.StreamReset,
                    r -> describeFailure(r) + " before the response head"),
            new CauseRule(
                    Cause.H2_PROTOCOL_ERROR,
                    r -> h2Failure(r) instanceof H2Failure.ProtocolError
                            || h2Failure(r) instanceof H2Failure.ClosedInsideFrame,
                    CauseRules::describeFailure),
            new CauseRule(
                    Cause.H2_MALFORMED_RESPONSE,
                    r -> h2Failure(r) instanceof H2Failure.MalformedResponse,
                    CauseRules::describeFailure),
            new CauseRule(
                    Cause.RESPONSE_TIMEOUT,
                    r -> r.failure() instanceof ProbeFailure.ResponseTimeout,
                    CauseRules::timeoutDetail),
            new CauseRule(
                    Cause.UNEXPECTED_STATUS,
                    r -> r.failure() == null
                            && r.head() != null
                            && !r.spec().expectStatus().contains(r.head().status()),
                    r -> "status " + statusText(r.head()) + " not in expected "
                            + r.spec().expectStatus()),
            new CauseRule(
                    Cause.OK,
                    r -> r.failure() == null && r.head() != null,
                    r -> "status " + statusText(r.head()) + " in expected "
                            + r.spec().expectStatus()),
            new CauseRule(Cause.PROBE_ERROR, r -> true, CauseRules::probeErrorDetail));

    private CauseRules() {}

    /** The prober's verdict, or a certificate that failed validation while tls-verify is on. */
    private static boolean certificateRejected(ProbeResult r) {
        return r.failure() instanceof ProbeFailure.TlsCertificate
                || r.spec().tlsVerify() && r.tls() != null && r.tls().validationError() != null;
    }

    private static String certificateDetail(ProbeResult r) {
        String reason = r.failure() instanceof ProbeFailure.TlsCertificate cert
                ? cert.reason()
                : r.tls().validationError();
        return reason == null || reason.isBlank() ? "certificate failed validation" : reason;
    }

    /** The parser said so, or a head arrived that is larger than this origin's limit. */
    private static boolean headersTooLarge(ProbeResult r) {
        return parseFailure(r) instanceof ParseFailure.HeadersTooLarge
                || h2Failure(r) instanceof H2Failure.HeadersTooLarge
                || h2Failure(r) instanceof H2Failure.HeaderBlockTooLarge
                || r.failure() == null
                        && r.head() != null
                        && r.head().headerSectionBytes() > r.spec().headerLimitBytes();
    }

    private static String tooLargeDetail(ProbeResult r) {
        if (parseFailure(r) instanceof ParseFailure.HeadersTooLarge tooLarge) {
            return "header section exceeds limit " + tooLarge.limitBytes() + " bytes (stopped reading after "
                    + Math.max(tooLarge.bytesSeen(), r.headerBytes()) + " bytes)";
        }
        if (h2Failure(r) instanceof H2Failure.HeadersTooLarge tooLarge) {
            return "header section exceeds limit " + tooLarge.limitBytes() + " bytes measured as HTTP/1.1 (stopped"
                    + " counting at " + tooLarge.bytesSeen() + " bytes)";
        }
        if (h2Failure(r) instanceof H2Failure.HeaderBlockTooLarge block) {
            return block.describe();
        }
        return "header section " + r.head().headerSectionBytes() + " bytes exceeds limit "
                + r.spec().headerLimitBytes();
    }

    /**
     * Which alert, when (during a TLS 1.2 handshake: 525; after a TLS 1.3 one: 520), and what the
     * probe presented: "origin refused the client certificate with TLS alert certificate_required
     * (116) after the TLS 1.3 handshake (edge: 520); no client certificate is configured".
     */
    private static String clientCertificateDetail(ProbeResult r) {
        ProbeFailure.ClientCertificateRejected rejected = (ProbeFailure.ClientCertificateRejected) r.failure();
        TlsFacts tls = r.tls();
        String protocol =
                tls == null || tls.protocol() == null ? null : tls.protocol().replace("TLSv", "TLS ");
        String when = rejected.duringHandshake()
                ? "during the TLS handshake (TLS 1.2 checks the client certificate inside it; edge: 525)"
                : "after the " + (protocol == null ? "TLS" : protocol) + " handshake (edge: 520)";
        TlsFacts.ClientAuth auth = tls == null ? TlsFacts.ClientAuth.NONE : tls.clientAuth();
        String sent;
        if (!auth.configured()) {
            sent = "no client certificate is configured (tls-client-certificate)";
        } else if (auth.sent()) {
            sent = "sent " + auth.certificateSubject();
        } else {
            sent = auth.requested()
                    ? "the configured certificate " + auth.certificateSubject() + " was not sent (its key type was not"
                            + " among those the origin accepts)"
                    : "the configured certificate " + auth.certificateSubject() + " was not sent";
        }
        String named = auth.requestedIssuers().isEmpty() ? "" : "; the origin accepts CAs " + auth.requestedIssuers();
        return "origin refused the client certificate with TLS alert " + rejected.alert() + " (" + rejected.alertCode()
                + ") " + when + "; " + sent + named;
    }

    private static String resetDetail(ProbeResult r) {
        ProbeFailure.Reset reset = (ProbeFailure.Reset) r.failure();
        return "connection reset by peer after " + reset.responseBytes() + " response bytes; request was "
                + (reset.requestSent() ? "sent" : "not sent");
    }

    private static String timeoutDetail(ProbeResult r) {
        ProbeFailure.ResponseTimeout timeout = (ProbeFailure.ResponseTimeout) r.failure();
        return "no complete header section within " + millis(timeout.timeoutMillis()) + " (" + timeout.responseBytes()
                + " response bytes received)";
    }

    private static String probeErrorDetail(ProbeResult r) {
        if (r.failure() instanceof ProbeFailure.Internal internal) {
            return "probe failed locally, origin not judged: " + internal.reason();
        }
        return "probe result has neither a response head nor a failure";
    }

    static H2Failure h2Failure(ProbeResult r) {
        return r.failure() instanceof ProbeFailure.H2 h2 ? h2.failure() : null;
    }

    /** The HTTP/1.1 parser's or the HTTP/2 session's own description of why there is no head. */
    private static String describeFailure(ProbeResult r) {
        return parseFailure(r) != null
                ? parseFailure(r).describe()
                : h2Failure(r).describe();
    }

    static ParseFailure parseFailure(ProbeResult r) {
        return r.failure() instanceof ProbeFailure.Parse parse ? parse.failure() : null;
    }

    private static String target(ProbeResult r) {
        return r.spec().url().getHost() + ":" + r.spec().port();
    }

    private static String statusText(ResponseHead head) {
        return head.reason().isEmpty() ? Integer.toString(head.status()) : head.status() + " " + head.reason();
    }

    /** "19 s" for whole seconds, else "1500 ms". */
    static String millis(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
