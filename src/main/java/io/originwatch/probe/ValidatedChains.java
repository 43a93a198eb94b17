package io.originwatch.probe;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chains that recently passed the full PKIX and hostname validation, so that the next full handshake
 * presenting the very same chain for the same host skips the PKIX path validation (about 0.15 ms of
 * CPU per probe, see docs/performance.md). Every probe still does its full TLS handshake: the
 * server still proves possession of the leaf's key, only the chain's verdict is reused.
 *
 * <p>Why reusing a success is safe. The verdict of {@code checkServerTrusted(chain, authType, socket)}
 * depends on: the chain's bytes, the trust anchors, the host name (identity check), the algorithm
 * constraints, revocation (off unless {@code com.sun.net.ssl.checkRevocation} is set) and the time.
 * <ul>
 *   <li>Chain bytes: the key is a SHA-256 over every certificate's DER encoding, length-prefixed, in
 *       order; any changed, added, removed or reordered certificate gives another key and a full
 *       validation. (A collision would need a SHA-256 second preimage.)</li>
 *   <li>Host and authType are part of the key; name matching is a pure function of leaf and host.</li>
 *   <li>Trust anchors: one instance per trust manager, and {@link TlsClients} builds a new trust
 *       manager whenever the trust-ca file changes, so anchors never change under a cache.</li>
 *   <li>Algorithm constraints: fixed for one SSL context and JVM.</li>
 *   <li>Revocation: when checking is switched on, nothing is cached (status can change any time).</li>
 *   <li>Time: every hit re-checks each certificate's notBefore/notAfter against the current time,
 *       and an entry lives at most {@link #MAX_AGE} (and never beyond the chain's first notAfter),
 *       which bounds anything else time-dependent (e.g. an algorithm's deny-after date).</li>
 * </ul>
 * Only successes are kept: a failing chain is validated in full every time, so its reason
 * (expired, untrusted, wrong name) is computed exactly as before.
 */
final class ValidatedChains {

    /** Longest time a verdict is reused before a full validation again. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    /** Entries kept at most (one per origin chain and host); the map is emptied when it overflows. */
    static final int MAX_ENTRIES = 20_000;

    private record Key(ByteBuffer chainDigest, String host, String authType) {}

    private final Map<Key, Instant> validUntil = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final boolean enabled;

    ValidatedChains(InstantSource clock) {
        this(clock, !Boolean.getBoolean("com.sun.net.ssl.checkRevocation"));
    }

    ValidatedChains(InstantSource clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    /** True when this exact chain passed for {@code host} recently and every certificate is in its dates now. */
    boolean passed(X509Certificate[] chain, String authType, String host) {
        if (!enabled || chain == null || chain.length == 0) {
            return false;
        }
        Key key = key(chain, authType, host);
        Instant until = key == null ? null : validUntil.get(key);
        Instant now = clock.instant();
        if (until == null) {
            return false;
        }
        if (!now.isBefore(until) || !inDates(chain, now)) {
            validUntil.remove(key);
            return false;
        }
        return true;
    }

    /** Records that {@code chain} passed the full validation for {@code host} just now. */
    void remember(X509Certificate[] chain, String authType, String host) {
        Key key = enabled && chain != null && chain.length > 0 ? key(chain, authType, host) : null;
        if (key == null) {
            return;
        }
        Instant until = clock.instant().plus(MAX_AGE);
        for (X509Certificate c : chain) {
            Instant notAfter = c.getNotAfter().toInstant();
            until = notAfter.isBefore(until) ? notAfter : until;
        }
        if (validUntil.size() >= MAX_ENTRIES) {
            validUntil.clear();
        }
        validUntil.put(key, until);
    }

    int size() {
        return validUntil.size();
    }

    private static boolean inDates(X509Certificate[] chain, Instant now) {
        Date date = Date.from(now);
        try {
            for (X509Certificate c : chain) {
                c.checkValidity(date);
            }
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }

    /** The chain's identity, or null when a certificate cannot be encoded. */
    private static Key key(X509Certificate[] chain, String authType, String host) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
        byte[] length = new byte[4];
        for (X509Certificate c : chain) {
            byte[] der;
            try {
                der = c.getEncoded();
            } catch (CertificateEncodingException e) {
                return null; // cannot identify the chain exactly: never cached, always validated in full
            }
            ByteBuffer.wrap(length).putInt(der.length);
            sha.update(length);
            sha.update(der);
        }
        return new Key(ByteBuffer.wrap(sha.digest()), host, String.valueOf(authType));
    }
}
