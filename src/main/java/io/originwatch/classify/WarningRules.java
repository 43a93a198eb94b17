package io.originwatch.classify;

import io.originwatch.probe.Phase;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.TlsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Warnings beside the cause, each decided from raw facts, listed in {@link Warning} order. */
final class WarningRules {

    private WarningRules() {}

    static List<Warning> of(ProbeResult r, Cause cause, Instant now) {
        List<Warning> warnings = new ArrayList<>();
        if (headersNearLimit(r, cause)) {
            warnings.add(Warning.HEADERS_NEAR_LIMIT);
        }
        if (slowResponse(r)) {
            warnings.add(Warning.SLOW_RESPONSE);
        }
        if (certificateExpiring(r.tls(), now)) {
            warnings.add(Warning.CERTIFICATE_EXPIRING);
        }
        if (!r.spec().tlsVerify() && r.tls() != null && r.tls().validationError() != null) {
            warnings.add(Warning.CERTIFICATE_INVALID);
        }
        if (r.bodyEndedEarly()) {
            warnings.add(Warning.BODY_TRUNCATED);
        }
        if (clientCertificateNotRequested(r.tls())) {
            warnings.add(Warning.CLIENT_CERTIFICATE_NOT_REQUESTED);
        }
        if (clientCertificateExpiring(r.tls(), now)) {
            warnings.add(Warning.CLIENT_CERTIFICATE_EXPIRING);
        }
        return warnings;
    }

    /**
     * At or above 75% of the limit and not over it. The final head's size when there is one (interim
     * heads have their own budget), else the bytes the prober saw of an unusable head.
     */
    static boolean headersNearLimit(ProbeResult r, Cause cause) {
        if (cause == Cause.HEADERS_TOO_LARGE) {
            return false;
        }
        long bytes = r.head() != null ? r.head().headerSectionBytes() : r.headerBytes();
        long limit = r.spec().headerLimitBytes();
        return bytes <= limit && bytes >= nearLimitThreshold(limit);
    }

    /** The smallest size that warns: 6144 for the default 8192. */
    static long nearLimitThreshold(long limitBytes) {
        return (long) Math.ceil(limitBytes * EdgeLimits.HEADERS_NEAR_LIMIT_SHARE);
    }

    /** Time to first byte at or above half the response timeout; no TTFB (no byte came) means no warning. */
    static boolean slowResponse(ProbeResult r) {
        Optional<Duration> ttfb = r.timings().get(Phase.TTFB);
        if (ttfb.isEmpty()) {
            return false;
        }
        long thresholdNanos = (long) Math.ceil(r.spec().responseTimeout().toNanos() * EdgeLimits.SLOW_RESPONSE_SHARE);
        return ttfb.get().toNanos() >= thresholdNanos;
    }

    /** Configured, the handshake completed, and the origin sent no CertificateRequest. */
    static boolean clientCertificateNotRequested(TlsFacts tls) {
        return tls != null
                && tls.protocol() != null
                && tls.clientAuth().configured()
                && !tls.clientAuth().requested();
    }

    /**
     * The configured client certificate expires within 14 days (inclusive) or has expired: unlike
     * the origin's own certificate, no other check reports an expired client certificate until the
     * origin refuses it.
     */
    static boolean clientCertificateExpiring(TlsFacts tls, Instant now) {
        Instant notAfter = tls == null ? null : tls.clientAuth().certificateNotAfter();
        return notAfter != null && !notAfter.isAfter(now.plus(EdgeLimits.CERTIFICATE_EXPIRING_WITHIN));
    }

    /**
     * The leaf is still valid but expires within 14 days (inclusive). An expired leaf is not
     * "expiring": validation reports it (as the 526 cause, or the certificate_invalid warning).
     */
    static boolean certificateExpiring(TlsFacts tls, Instant now) {
        if (tls == null || tls.leafNotAfter() == null) {
            return false;
        }
        Instant notAfter = tls.leafNotAfter();
        return notAfter.isAfter(now) && !notAfter.isAfter(now.plus(EdgeLimits.CERTIFICATE_EXPIRING_WITHIN));
    }
}
