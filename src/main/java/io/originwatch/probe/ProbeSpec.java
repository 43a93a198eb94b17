package io.originwatch.probe;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to probe and how. The probe connects to {@code url}'s host and port (an IP literal skips
 * DNS), sends {@code Host: host}, and for https uses {@code host} as SNI and for hostname
 * verification.
 *
 * @param name             unique origin name, {@code [a-z0-9._-]+}
 * @param url              http or https; its path and query are requested
 * @param host             Host header and SNI (the site name, not the address)
 * @param method           GET or HEAD
 * @param headers          extra request headers, in order
 * @param connectTimeout   bound on the TCP handshake
 * @param responseTimeout  bound from request sent to the complete header section
 * @param headerLimitBytes the edge's header-section limit
 * @param bodyLimitBytes   body bytes read (and discarded) at most
 * @param expectStatus     statuses counted as ok
 * @param tlsVerify        false = the edge's "Full" mode: certificate problems only warn
 * @param trustCa          optional PEM bundle trusted in addition to the JDK's CAs, or null
 * @param userAgent        User-Agent header value
 */
public record ProbeSpec(
        String name,
        URI url,
        String host,
        String method,
        List<RequestHeader> headers,
        Duration connectTimeout,
        Duration responseTimeout,
        int headerLimitBytes,
        int bodyLimitBytes,
        StatusSet expectStatus,
        boolean tlsVerify,
        Path trustCa,
        String userAgent) {

    /** One configured request header. */
    public record RequestHeader(String name, String value) {}

    public ProbeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(method, "method");
        headers = List.copyOf(headers);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(expectStatus, "expectStatus");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    public boolean https() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** The url's port, or the scheme's default. */
    public int port() {
        return url.getPort() >= 0 ? url.getPort() : https() ? 443 : 80;
    }
}
