package io.originwatch.probe;

import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Turns a failed certificate validation into the one reason an operator can act on. The JDK's own
 * messages ("PKIX path building failed ...") say neither which certificate nor which date or name;
 * this re-checks the chain piece by piece, most actionable first: validity dates, then trust, then
 * the name.
 */
final class CertificateCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateCheck() {}

    /**
     * Why {@code chain} failed for {@code host}, e.g. {@code certificate expired on 2026-01-02},
     * {@code untrusted issuer CN=...} or {@code names [a.test] do not match origin.test}.
     */
    static String reason(
            X509Certificate[] chain,
            String authType,
            String host,
            X509ExtendedTrustManager trust,
            CertificateException failure,
            Instant now) {
        if (chain == null || chain.length == 0) {
            return "no certificate presented";
        }
        for (int i = 0; i < chain.length; i++) {
            String which = i == 0
                    ? "certificate"
                    : "chain certificate " + chain[i].getSubjectX500Principal().getName();
            if (now.isAfter(chain[i].getNotAfter().toInstant())) {
                return which + " expired on "
                        + DAY.format(chain[i].getNotAfter().toInstant());
            }
            if (now.isBefore(chain[i].getNotBefore().toInstant())) {
                return which + " not valid before "
                        + DAY.format(chain[i].getNotBefore().toInstant());
            }
        }
        try {
            // The two-argument check validates the chain only, without the host name.
            trust.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            return "untrusted issuer "
                    + chain[chain.length - 1].getIssuerX500Principal().getName();
        }
        List<String> names = sans(chain[0]);
        if (!names.isEmpty()
                || failure.getMessage() != null && failure.getMessage().contains("name")) {
            return "names "
                    + (names.isEmpty()
                            ? "[" + chain[0].getSubjectX500Principal().getName() + "]"
                            : names) + " do not match " + host;
        }
        return "certificate rejected: " + failure.getMessage();
    }

    /** DNS and IP subject alternative names, in certificate order. */
    static List<String> sans(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> san : all) {
                    int type = (Integer) san.get(0);
                    if (type == SAN_DNS || type == SAN_IP) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unparseable subjectAltName: " + e.getMessage() + ")");
        }
        return names;
    }

    /** Leaf facts; protocol and cipher are null until the handshake completes. */
    static TlsFacts facts(String protocol, String cipher, X509Certificate[] chain, String validationError) {
        if (chain == null || chain.length == 0) {
            return new TlsFacts(protocol, cipher, null, List.of(), null, null, null, validationError);
        }
        X509Certificate leaf = chain[0];
        return new TlsFacts(
                protocol,
                cipher,
                leaf.getSubjectX500Principal().getName(),
                sans(leaf),
                leaf.getIssuerX500Principal().getName(),
                leaf.getNotAfter().toInstant(),
                leaf.getNotBefore().toInstant(),
                validationError);
    }
}
