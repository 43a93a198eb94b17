package io.originwatch.alert;

import io.originwatch.classify.Cause;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Names and words of a directly dispatched alert, matching the Prometheus rules
 * (deploy/prometheus/originwatch-rules.yaml): same alert names, runbook anchors per cause, and the
 * origin's console page ({@code /ui/origins/<name>#verdict}, issue 15) as the link to the full detail.
 *
 * @param apiBaseUrl     originwatch's externally reachable base URL (generatorURL = base + /ui/origins/name#verdict)
 * @param runbookBaseUrl the runbooks document, anchors appended (default: the repository's docs/runbooks.md)
 */
public record AlertTexts(URI apiBaseUrl, String runbookBaseUrl) {

    public static final String DEFAULT_RUNBOOK_BASE_URL =
            "https://github.com/originwatch/originwatch/blob/main/docs/runbooks.md";

    public AlertTexts {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(runbookBaseUrl, "runbookBaseUrl");
    }

    /** The Prometheus rule's alert name for this cause. */
    public static String alertName(Cause cause) {
        return switch (cause) {
            case CONNECTION_RESET,
                    EMPTY_RESPONSE,
                    HEADERS_TOO_LARGE,
                    MISSING_HEADERS,
                    INVALID_RESPONSE,
                    H2_SPOKE_HTTP1,
                    H2_GOAWAY,
                    H2_STREAM_RESET,
                    H2_PROTOCOL_ERROR,
                    H2_MALFORMED_RESPONSE -> "OriginwatchOrigin520";
            case UNREACHABLE, CONNECTION_REFUSED, CONNECT_TIMEOUT -> "OriginwatchOriginDown";
            case RESPONSE_TIMEOUT -> "OriginwatchOriginResponseTimeout";
            case TLS_HANDSHAKE_FAILED, TLS_CERTIFICATE_INVALID, CLIENT_CERTIFICATE_REJECTED -> "OriginwatchOriginTLS";
            case UNEXPECTED_STATUS, OK -> "OriginwatchOriginUnexpectedStatus";
            case PROBE_ERROR -> "OriginwatchProbeError";
        };
    }

    public String originUrl(String origin) {
        String base = apiBaseUrl.toString();
        String slash = base.endsWith("/") ? "" : "/";
        return base + slash + "ui/origins/" + URLEncoder.encode(origin, StandardCharsets.UTF_8) + "#verdict";
    }

    public String runbookUrl(Cause cause) {
        return runbookBaseUrl + "#" + cause.label();
    }

    public String summary(ActiveAlert a) {
        return "Origin " + a.origin() + " would get " + a.edgeStatus() + " from the edge ("
                + a.cause().label() + ")";
    }

    public String description(ActiveAlert a) {
        return "Origin " + a.origin() + ": cause " + a.cause().label() + ", edge status " + a.edgeStatus()
                + ". Detail: " + a.detail() + ". Latest result: " + originUrl(a.origin());
    }
}
