package io.originwatch.classify;

import static io.originwatch.classify.ClassifierCases.AOP_CA;
import static io.originwatch.classify.ClassifierCases.MISMATCH;
import static io.originwatch.classify.ClassifierCases.c;
import static io.originwatch.testing.ProbeBuilder.NOW;
import static io.originwatch.testing.ProbeBuilder.failed;

import io.originwatch.classify.ClassifierCases.Case;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.TlsFacts;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Causes decided before any response byte: DNS, TCP, TLS handshake, certificate, client certificate. */
final class TransportCauses {

    private TransportCauses() {}

    static Stream<Case> cases() {
        return Stream.of(
                c(
                        "unreachable",
                        failed(new ProbeFailure.Unreachable("no such host origin.test")),
                        Cause.UNREACHABLE,
                        523,
                        0,
                        "127.0.0.1:8443 unreachable: no such host origin.test"),
                c(
                        "connection_refused",
                        failed(new ProbeFailure.Refused("Connection refused")),
                        Cause.CONNECTION_REFUSED,
                        521,
                        0,
                        "connection refused by 127.0.0.1:8443: Connection refused"),
                c(
                        "connect_timeout",
                        failed(new ProbeFailure.ConnectTimeout(19_000)),
                        Cause.CONNECT_TIMEOUT,
                        522,
                        0,
                        "TCP handshake with 127.0.0.1:8443 not complete within 19 s"),
                c(
                        "connect_timeout in ms",
                        failed(new ProbeFailure.ConnectTimeout(1_500)),
                        Cause.CONNECT_TIMEOUT,
                        522,
                        0,
                        "TCP handshake with 127.0.0.1:8443 not complete within 1500 ms"),
                c(
                        "tls_handshake_failed",
                        failed(new ProbeFailure.TlsHandshake("Received fatal alert: protocol_version")),
                        Cause.TLS_HANDSHAKE_FAILED,
                        525,
                        0,
                        "TLS handshake failed: Received fatal alert: protocol_version"),
                c(
                        "client_certificate_rejected: TLS 1.3, none configured (520)",
                        failed(new ProbeFailure.ClientCertificateRejected("certificate_required", 116, false))
                                .clientAuth(
                                        "TLSv1.3", new TlsFacts.ClientAuth(true, List.of(AOP_CA), false, null, null)),
                        Cause.CLIENT_CERTIFICATE_REJECTED,
                        520,
                        0,
                        "origin refused the client certificate with TLS alert certificate_required (116) after the"
                                + " TLS 1.3 handshake (edge: 520); no client certificate is configured"
                                + " (tls-client-certificate); the origin accepts CAs [" + AOP_CA + "]"),
                c(
                        "client_certificate_rejected: TLS 1.2 handshake, wrong CA (525)",
                        failed(new ProbeFailure.ClientCertificateRejected("unknown_ca", 48, true))
                                .clientAuth(
                                        null,
                                        new TlsFacts.ClientAuth(
                                                true, List.of(), true, "CN=edge", NOW.plus(Duration.ofDays(60)))),
                        Cause.CLIENT_CERTIFICATE_REJECTED,
                        525,
                        0,
                        "origin refused the client certificate with TLS alert unknown_ca (48) during the TLS handshake"
                                + " (TLS 1.2 checks the client certificate inside it; edge: 525); sent CN=edge"),
                c(
                        "tls_certificate_invalid: expired",
                        failed(new ProbeFailure.TlsCertificate("certificate expired on 2026-01-02")),
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        0,
                        "certificate expired on 2026-01-02"),
                c(
                        "tls_certificate_invalid: name mismatch",
                        failed(new ProbeFailure.TlsCertificate(MISMATCH)),
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        0,
                        MISMATCH),
                c(
                        "tls_certificate_invalid: no reason given",
                        failed(new ProbeFailure.TlsCertificate(" ")),
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        0,
                        "certificate failed validation"));
    }
}
