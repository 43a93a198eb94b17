package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.EOFException;
import java.net.SocketException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handshake failures in the words of both TLS stacks (the JDK's and BoringSSL's through Conscrypt)
 * map to the same details. Messages are the stacks' own, as seen against the lab.
 */
class FailuresHandshakeTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments(
                        "jdk alert",
                        new SSLHandshakeException("Received fatal alert: handshake_failure"),
                        "origin sent TLS alert handshake_failure"),
                arguments(
                        "boringssl alert",
                        new SSLHandshakeException("Read error: ssl=0x7f: Failure in SSL library, "
                                + "usually a protocol error\\nerror:10000410:SSL routines:OPENSSL_internal:"
                                + "SSLV3_ALERT_HANDSHAKE_FAILURE"),
                        "origin sent TLS alert handshake_failure"),
                arguments(
                        "boringssl protocol version alert",
                        new SSLHandshakeException(
                                "error:1000042e:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION"),
                        "origin sent TLS alert protocol_version"),
                arguments(
                        "jdk plain text",
                        new SSLException("Unsupported or unrecognized SSL message"),
                        "origin answered the ClientHello with bytes that are not TLS (plain HTTP on a TLS port?)"),
                arguments(
                        "conscrypt engine plain text",
                        new SSLHandshakeException("Unable to parse TLS packet header"),
                        "origin answered the ClientHello with bytes that are not TLS (plain HTTP on a TLS port?)"),
                arguments(
                        "boringssl plain text",
                        new SSLHandshakeException("error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER"),
                        "origin answered the ClientHello with bytes that are not TLS (plain HTTP on a TLS port?)"),
                arguments(
                        "closed mid-handshake",
                        new SSLHandshakeException("Remote host terminated the handshake"),
                        "origin closed the connection during the TLS handshake"),
                arguments(
                        "eof",
                        new SSLException("read failed", new EOFException()),
                        "origin closed the connection during the TLS handshake"),
                arguments(
                        "reset",
                        new SSLException("write failed", new SocketException("Connection reset")),
                        "connection reset by peer during the TLS handshake"));
    }

    /** (name, exception, origin asked for a certificate, expected failure). */
    static Stream<Arguments> clientCertificateRows() {
        return Stream.of(
                arguments(
                        "jdk certificate_required",
                        new SSLHandshakeException("Received fatal alert: certificate_required"),
                        true,
                        new ProbeFailure.ClientCertificateRejected("certificate_required", 116, true)),
                arguments(
                        "boringssl unknown_ca",
                        new SSLHandshakeException(
                                "error:10000418:SSL routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA"),
                        true,
                        new ProbeFailure.ClientCertificateRejected("unknown_ca", 48, true)),
                arguments(
                        "boringssl bad_certificate",
                        new SSLHandshakeException(
                                "error:10000412:SSL routines:OPENSSL_internal:SSLV3_ALERT_BAD_CERTIFICATE"),
                        false,
                        new ProbeFailure.ClientCertificateRejected("bad_certificate", 42, true)),
                arguments(
                        "handshake_failure after a certificate request (OpenSSL's TLS 1.2 answer)",
                        new SSLHandshakeException("Received fatal alert: handshake_failure"),
                        true,
                        new ProbeFailure.ClientCertificateRejected("handshake_failure", 40, true)),
                arguments(
                        "handshake_failure without a certificate request stays a handshake failure",
                        new SSLHandshakeException("Received fatal alert: handshake_failure"),
                        false,
                        new ProbeFailure.TlsHandshake("origin sent TLS alert handshake_failure")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientCertificateRows")
    void certificateAlertsAreClientCertificateRejections(
            String name, Exception e, boolean requested, ProbeFailure expected) {
        assertThat(Failures.handshake(e, Duration.ofMillis(5), false, requested))
                .isEqualTo(expected);
    }

    static Stream<Arguments> afterHandshakeRows() {
        return Stream.of(
                arguments(
                        "jdk certificate_required after the TLS 1.3 handshake",
                        new SSLException("Received fatal alert: certificate_required"),
                        new ProbeFailure.ClientCertificateRejected("certificate_required", 116, false)),
                arguments(
                        "boringssl certificate_required after the TLS 1.3 handshake",
                        new SSLException("Read error: ssl=0x7f: Failure in SSL library, usually a protocol error\n"
                                + "error:10000474:SSL routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED"),
                        new ProbeFailure.ClientCertificateRejected("certificate_required", 116, false)),
                arguments(
                        "any other alert after the handshake is a reset",
                        new SSLException("Received fatal alert: internal_error"),
                        new ProbeFailure.Reset(0, true)),
                arguments(
                        "a TCP reset is a reset",
                        new SocketException("Connection reset"),
                        new ProbeFailure.Reset(0, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("afterHandshakeRows")
    void afterTheHandshakeOnlyCertificateAlertsAreRejections(String name, Exception e, ProbeFailure expected) {
        assertThat(Failures.exchange(e, 0, true, 5_000, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void mapsToTheSameDetailOnBothStacks(String name, Exception e, String reason) {
        assertThat(Failures.handshake(e, Duration.ofMillis(5), false)).isEqualTo(new ProbeFailure.TlsHandshake(reason));
    }
}
