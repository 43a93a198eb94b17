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

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void mapsToTheSameDetailOnBothStacks(String name, Exception e, String reason) {
        assertThat(Failures.handshake(e, Duration.ofMillis(5), false)).isEqualTo(new ProbeFailure.TlsHandshake(reason));
    }
}
