package io.originwatch.probe;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLParameters;

/**
 * What the probe's ClientHello offers (config {@code tls-profile}): the edge's protocol versions,
 * cipher suites and groups, or the TLS stack's own defaults.
 *
 * <p>The edge's list is Cloudflare's "Cipher suites" page for origin connections
 * (https://developers.cloudflare.com/ssl/origin-configuration/cipher-suites/), in its ClientHello
 * order, translated to the JSSE standard names; the groups are the ones that page's nginx example
 * names ({@code ssl_ecdh_curve X25519:P-256:P-384}). A stack offers the part of it that it can:
 * what is left out, and why, is listed in docs/configuration.md ("TLS profile").
 */
public enum TlsProfile {
    /** As the edge: its versions, suites and groups, minus what the stack cannot offer. */
    EDGE,
    /** The TLS stack's defaults (the probe's offer before {@code tls-profile} existed). */
    JDK;

    /** The edge's protocol versions to origins, TLS 1.0 to 1.3. */
    public static final List<String> EDGE_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

    /**
     * The edge's cipher suites to origins, in its ClientHello order. DES-CBC3-SHA is left out: the
     * edge offers it on TLS 1.0 only, and JSSE cannot tie a suite to one version (offering it would
     * let an origin negotiate 3DES on TLS 1.2, which the edge never does).
     */
    public static final List<String> EDGE_CIPHER_SUITES = List.of(
            // TLS 1.3 (AEAD-AES128-GCM-SHA256, AEAD-AES256-GCM-SHA384, AEAD-CHACHA20-POLY1305-SHA256)
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            // TLS 1.2 and lower; no ChaCha20 here: the edge never offers it on TLS 1.2
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", // ECDHE-ECDSA-AES128-GCM-SHA256
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", // ECDHE-RSA-AES128-GCM-SHA256
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", // ECDHE-RSA-AES128-SHA
            "TLS_RSA_WITH_AES_128_GCM_SHA256", // AES128-GCM-SHA256
            "TLS_RSA_WITH_AES_128_CBC_SHA", // AES128-SHA
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", // ECDHE-ECDSA-AES256-GCM-SHA384
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", // ECDHE-RSA-AES256-GCM-SHA384
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", // ECDHE-RSA-AES256-SHA384
            "TLS_RSA_WITH_AES_256_CBC_SHA"); // AES256-SHA

    /** The edge's key-exchange groups, in its order (X25519, P-256, P-384). */
    public static final List<String> EDGE_NAMED_GROUPS = List.of("x25519", "secp256r1", "secp384r1");

    /** The config spelling: {@code edge} or {@code jdk}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value written {@code text}, if it is one. */
    public static Optional<TlsProfile> parse(String text) {
        return Arrays.stream(values())
                .filter(v -> v.label().equals(text.trim()))
                .findFirst();
    }

    /**
     * Sets this profile's offer on {@code p}, the parameters of a socket that supports
     * {@code supportedProtocols} and {@code supportedSuites}; {@link #JDK} leaves them as they are.
     * Only what the stack supports is set (a stack rejects names it does not know); suites and
     * versions its security policy disables (the JDK's {@code jdk.tls.disabledAlgorithms}) stay out
     * of the ClientHello even when set.
     */
    void apply(SSLParameters p, String[] supportedProtocols, String[] supportedSuites) {
        if (this == JDK) {
            return;
        }
        p.setProtocols(supported(EDGE_PROTOCOLS, supportedProtocols));
        p.setCipherSuites(supported(EDGE_CIPHER_SUITES, supportedSuites));
        // JSSE honours the groups; Conscrypt 2.5 ignores them, and BoringSSL's default groups are
        // already the edge's (X25519, P-256, P-384), the edge being BoringSSL too.
        p.setNamedGroups(EDGE_NAMED_GROUPS.toArray(String[]::new));
    }

    private static String[] supported(List<String> wanted, String[] supported) {
        Set<String> have = new LinkedHashSet<>(List.of(supported));
        return wanted.stream().filter(have::contains).toArray(String[]::new);
    }
}
