package io.originwatch.config;

import java.util.Map;
import java.util.Optional;

/**
 * Probe settings that {@code originwatch.defaults.*} sets for every origin and
 * {@code originwatch.origins[n].*} may override. Every value is read as text and converted by
 * {@link OriginValidator}, so that a bad value becomes one line naming its key instead of a
 * SmallRye conversion exception, and every error is reported at once. Each method is one
 * {@link OriginKey}, which names the key everywhere else.
 */
public interface OriginDefaults {

    /** Time between two probes, e.g. {@code 30s}; default 30s. */
    Optional<String> interval();

    /** Bound on the TCP handshake; default {@code EdgeLimits.DEFAULT_CONNECT_TIMEOUT}. */
    Optional<String> connectTimeout();

    /** Bound from request sent to complete header section; default {@code EdgeLimits.DEFAULT_RESPONSE_TIMEOUT}. */
    Optional<String> responseTimeout();

    /** The edge's header-section limit in bytes; default {@code EdgeLimits.DEFAULT_HEADER_LIMIT_BYTES}. */
    Optional<String> headerLimit();

    /** Statuses counted as ok, e.g. {@code 200-399} or {@code 200,301-302}; default 200-399. */
    Optional<String> expectStatus();

    /** false = the edge's "Full" mode: certificate problems only warn; default true. */
    Optional<String> tlsVerify();

    /** PEM bundle trusted in addition to the JDK's CAs (or instead of them: {@link #tlsTrust()}). */
    Optional<String> trustCa();

    /**
     * {@code add} (default): {@code trust-ca} is trusted in addition to the JDK's CAs; {@code replace}:
     * only {@code trust-ca} is trusted, as the edge's Custom Origin Trust Store (needs a trust-ca).
     */
    Optional<String> tlsTrust();

    /**
     * What the ClientHello offers: {@code edge} (default; the edge's protocol versions, cipher suites
     * and groups to origins) or {@code jdk} (the TLS stack's defaults).
     */
    Optional<String> tlsProfile();

    /**
     * PEM file of the client certificate presented when the origin asks for one (Authenticated
     * Origin Pulls): the leaf first, then intermediates. Needs {@link #tlsClientKey()}.
     */
    Optional<String> tlsClientCertificate();

    /** PEM file of the client certificate's key: unencrypted PKCS#8, PKCS#1 (RSA) or SEC1 (EC). */
    Optional<String> tlsClientKey();

    /** GET or HEAD; default GET. */
    Optional<String> method();

    /**
     * Which HTTP to speak over TLS: {@code auto} (as the edge: ALPN [h2, http/1.1]), {@code "1.1"}
     * (no ALPN) or {@code "2"} (only h2, for gRPC origins; not for http:// urls); default auto.
     */
    Optional<String> httpVersion();

    /** Extra request headers. */
    Map<String, String> headers();

    /**
     * Extra request headers whose values are read from files ({@code header-files.<name>=<path>}, a
     * mounted Secret): re-read when the file changes, one trailing newline stripped, and redacted
     * everywhere whatever the header's name. A name in both maps is an error.
     */
    Map<String, String> headerFiles();

    /** Extra labels kept on the API (not metric labels). */
    Map<String, String> labels();
}
