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
 * @param trustCa          optional PEM bundle trusted in addition to the JDK's CAs (or instead of
 *                         them with {@code tlsTrust} replace), or null
 * @param userAgent        User-Agent header value
 * @param httpVersion      which HTTP to speak over TLS ({@code http-version}); plain http is HTTP/1.1
 * @param clientCertificate presented when the origin asks for one ({@code tls-client-certificate}
 *                         and {@code tls-client-key}), or null for none
 * @param tlsTrust         whether {@code trustCa} adds to the JDK's roots or replaces them ({@code tls-trust})
 * @param tlsProfile       what the ClientHello offers: the edge's versions, suites and groups, or the
 *                         stack's defaults ({@code tls-profile})
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
        String userAgent,
        HttpVersion httpVersion,
        ClientCertificate clientCertificate,
        TlsTrust tlsTrust,
        TlsProfile tlsProfile) {

    /**
     * One configured request header: a literal value, or one read from a file ({@code header-files},
     * re-read when the file changes). A header from a file is a secret whatever its name: evidence
     * (HAR, curl line, support bundle) records {@code [redacted]} for it, and neither its value nor
     * the file's content is ever part of {@link #toString}.
     *
     * @param value literal value, or null when {@code file} gives it
     * @param file  where the value comes from, or null for a literal
     */
    public record RequestHeader(String name, String value, FileValue file) {

        public RequestHeader {
            Objects.requireNonNull(name, "name");
            if ((value == null) == (file == null)) {
                throw new IllegalArgumentException("a header has a literal value or a file, not both or neither");
            }
        }

        public RequestHeader(String name, String value) {
            this(name, value, null);
        }

        /** The value to send now (a file's current content). */
        @Override
        public String value() {
            return file == null ? value : file.current();
        }

        /** True for a header whose value comes from a file: never shown, whatever its name. */
        public boolean secret() {
            return file != null;
        }

        @Override
        public String toString() {
            return name + ": " + (file == null ? value : file.toString());
        }
    }

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
        Objects.requireNonNull(httpVersion, "httpVersion");
        Objects.requireNonNull(tlsTrust, "tlsTrust");
        Objects.requireNonNull(tlsProfile, "tlsProfile");
        if (tlsTrust == TlsTrust.REPLACE && trustCa == null) {
            throw new IllegalArgumentException("tls-trust replace needs a trust-ca");
        }
    }

    /** A spec with {@code tls-trust: add} and {@code tls-profile: edge}, the defaults. */
    public ProbeSpec(
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
            String userAgent,
            HttpVersion httpVersion,
            ClientCertificate clientCertificate) {
        this(
                name,
                url,
                host,
                method,
                headers,
                connectTimeout,
                responseTimeout,
                headerLimitBytes,
                bodyLimitBytes,
                expectStatus,
                tlsVerify,
                trustCa,
                userAgent,
                httpVersion,
                clientCertificate,
                TlsTrust.ADD,
                TlsProfile.EDGE);
    }

    /** A spec with no client certificate. */
    public ProbeSpec(
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
            String userAgent,
            HttpVersion httpVersion) {
        this(
                name,
                url,
                host,
                method,
                headers,
                connectTimeout,
                responseTimeout,
                headerLimitBytes,
                bodyLimitBytes,
                expectStatus,
                tlsVerify,
                trustCa,
                userAgent,
                httpVersion,
                null);
    }

    /** A spec with {@code http-version: auto}, the default (as the edge: ALPN [h2, http/1.1]). */
    public ProbeSpec(
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
        this(
                name,
                url,
                host,
                method,
                headers,
                connectTimeout,
                responseTimeout,
                headerLimitBytes,
                bodyLimitBytes,
                expectStatus,
                tlsVerify,
                trustCa,
                userAgent,
                HttpVersion.AUTO);
    }

    public boolean https() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /**
     * The longest one probe of this spec can take whatever the origin does: connect-timeout plus
     * response-timeout plus a small slack for DNS, TLS and closing (the watchdog closes the socket then).
     */
    public Duration deadline() {
        return connectTimeout.plus(responseTimeout).plus(ProbeRun.DEADLINE_SLACK);
    }

    /** The url's port, or the scheme's default. */
    public int port() {
        return url.getPort() >= 0 ? url.getPort() : https() ? 443 : 80;
    }

    /** A builder holding this spec's values: the one way to copy a spec with some values changed. */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .url(url)
                .host(host)
                .method(method)
                .headers(headers)
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .headerLimitBytes(headerLimitBytes)
                .bodyLimitBytes(bodyLimitBytes)
                .expectStatus(expectStatus)
                .tlsVerify(tlsVerify)
                .trustCa(trustCa)
                .userAgent(userAgent)
                .httpVersion(httpVersion)
                .clientCertificate(clientCertificate)
                .tlsTrust(tlsTrust)
                .tlsProfile(tlsProfile);
    }

    /**
     * An empty builder. Only {@code headers} (none), {@code trustCa} (none), {@code tlsVerify}
     * (true), {@code httpVersion} (auto), {@code clientCertificate} (none), {@code tlsTrust} (add)
     * and {@code tlsProfile} (edge) have a value; {@link Builder#build()} rejects a spec missing any other value, so a
     * default is never picked here by accident (the config layer owns the defaults).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a spec's values; {@link #build()} checks them as the record does. */
    public static final class Builder {
        private String name;
        private URI url;
        private String host;
        private String method;
        private List<RequestHeader> headers = List.of();
        private Duration connectTimeout;
        private Duration responseTimeout;
        private int headerLimitBytes;
        private int bodyLimitBytes;
        private StatusSet expectStatus;
        private boolean tlsVerify = true;
        private Path trustCa;
        private String userAgent;
        private HttpVersion httpVersion = HttpVersion.AUTO;
        private ClientCertificate clientCertificate;
        private TlsTrust tlsTrust = TlsTrust.ADD;
        private TlsProfile tlsProfile = TlsProfile.EDGE;

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder method(String method) {
            this.method = method;
            return this;
        }

        public Builder headers(List<RequestHeader> headers) {
            this.headers = headers;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        public Builder headerLimitBytes(int headerLimitBytes) {
            this.headerLimitBytes = headerLimitBytes;
            return this;
        }

        public Builder bodyLimitBytes(int bodyLimitBytes) {
            this.bodyLimitBytes = bodyLimitBytes;
            return this;
        }

        public Builder expectStatus(StatusSet expectStatus) {
            this.expectStatus = expectStatus;
            return this;
        }

        public Builder tlsVerify(boolean tlsVerify) {
            this.tlsVerify = tlsVerify;
            return this;
        }

        public Builder trustCa(Path trustCa) {
            this.trustCa = trustCa;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder httpVersion(HttpVersion httpVersion) {
            this.httpVersion = httpVersion;
            return this;
        }

        public Builder clientCertificate(ClientCertificate clientCertificate) {
            this.clientCertificate = clientCertificate;
            return this;
        }

        public Builder tlsTrust(TlsTrust tlsTrust) {
            this.tlsTrust = tlsTrust;
            return this;
        }

        public Builder tlsProfile(TlsProfile tlsProfile) {
            this.tlsProfile = tlsProfile;
            return this;
        }

        public ProbeSpec build() {
            return new ProbeSpec(
                    name,
                    url,
                    host,
                    method,
                    headers,
                    connectTimeout,
                    responseTimeout,
                    headerLimitBytes,
                    bodyLimitBytes,
                    expectStatus,
                    tlsVerify,
                    trustCa,
                    userAgent,
                    httpVersion,
                    clientCertificate,
                    tlsTrust,
                    tlsProfile);
        }
    }
}
