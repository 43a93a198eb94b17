package io.originwatch.probe;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Maps socket and TLS exceptions to probe failures, each decided where it happened (connect,
 * handshake, request, head). Java reports most of these as exception types plus fixed kernel
 * messages ("Connection refused", "Connection reset"), so the messages are part of the mapping.
 */
final class Failures {

    /** The JDK's words for an alert from the peer. */
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");
    /** BoringSSL's (Conscrypt): e.g. {@code SSLV3_ALERT_HANDSHAKE_FAILURE}, {@code TLSV1_ALERT_PROTOCOL_VERSION}. */
    private static final Pattern BORINGSSL_ALERT = Pattern.compile("(?:SSLV3|TLSV1)_ALERT_(\\w+)");

    /**
     * Alerts a server sends about the client's certificate (RFC 8446 section 6.2): a certificate
     * missing ({@code certificate_required}, or {@code bad_certificate} from TLS 1.2 servers such as
     * the JDK's), from a CA it does not accept ({@code unknown_ca}) or otherwise refused.
     */
    static final Map<String, Integer> CLIENT_CERTIFICATE_ALERTS = Map.of(
            "bad_certificate", 42,
            "unsupported_certificate", 43,
            "certificate_revoked", 44,
            "certificate_expired", 45,
            "certificate_unknown", 46,
            "unknown_ca", 48,
            "certificate_required", 116);

    /**
     * Alerts that refuse a client certificate only when the origin asked for one: OpenSSL's TLS 1.2
     * servers answer a missing certificate with {@code handshake_failure}; {@code access_denied} is
     * a valid certificate the server's policy refuses.
     */
    static final Map<String, Integer> ALERTS_AFTER_REQUEST = Map.of("handshake_failure", 40, "access_denied", 49);

    private Failures() {}

    /** A failed TCP connect. {@code watchdogFired}: the overall deadline closed the socket. */
    static ProbeFailure connect(Exception e, InetSocketAddress target, Duration timeout, boolean watchdogFired) {
        String msg = lower(e);
        if (e instanceof SocketTimeoutException || watchdogFired || msg.contains("timed out")) {
            return new ProbeFailure.ConnectTimeout(timeout.toMillis());
        }
        if (e instanceof NoRouteToHostException || msg.contains("no route to host")) {
            return new ProbeFailure.Unreachable("no route to host " + addr(target));
        }
        if (msg.contains("network is unreachable") || msg.contains("host is unreachable")) {
            return new ProbeFailure.Unreachable(e.getMessage().toLowerCase(Locale.ROOT) + " (" + addr(target) + ")");
        }
        if (e instanceof ConnectException && msg.contains("refused")) {
            // the OS's words only: the classifier's detail names the target
            return new ProbeFailure.Refused(e.getMessage());
        }
        if (e instanceof ConnectException) {
            return new ProbeFailure.Unreachable(e.getMessage() + " (" + addr(target) + ")");
        }
        return new ProbeFailure.Internal("connect to " + addr(target) + " failed locally: " + e);
    }

    /** A TLS handshake that failed, the origin having asked for no client certificate. */
    static ProbeFailure handshake(Exception e, Duration elapsed, boolean watchdogFired) {
        return handshake(e, elapsed, watchdogFired, false);
    }

    /**
     * A TLS handshake that failed for a reason other than server certificate validation.
     * {@code certificateRequested}: the origin sent a CertificateRequest in this handshake.
     */
    static ProbeFailure handshake(Exception e, Duration elapsed, boolean watchdogFired, boolean certificateRequested) {
        if (timedOut(e) || watchdogFired) {
            return new ProbeFailure.TlsHandshake(
                    "no complete TLS handshake after " + elapsed.toMillis() + " ms (the probe's time was up)");
        }
        if (isReset(e)) {
            return new ProbeFailure.TlsHandshake("connection reset by peer during the TLS handshake");
        }
        String all = messages(e);
        String received = receivedAlert(all);
        if (received != null) {
            Integer code = CLIENT_CERTIFICATE_ALERTS.get(received);
            if (code == null && certificateRequested) {
                code = ALERTS_AFTER_REQUEST.get(received);
            }
            if (code != null) {
                return new ProbeFailure.ClientCertificateRejected(received, code, true);
            }
        }
        Matcher alert = ALERT.matcher(all);
        if (alert.find()) {
            return new ProbeFailure.TlsHandshake("origin sent TLS alert " + alert.group(1));
        }
        Matcher nativeAlert = BORINGSSL_ALERT.matcher(all);
        if (nativeAlert.find()) {
            return new ProbeFailure.TlsHandshake(
                    "origin sent TLS alert " + nativeAlert.group(1).toLowerCase(Locale.ROOT));
        }
        // JDK: "Unsupported or unrecognized SSL message"; Conscrypt's engine: "Unable to parse TLS
        // packet header"; BoringSSL: WRONG_VERSION_NUMBER (a record header that is no TLS version)
        if (all.contains("Unsupported or unrecognized SSL message")
                || all.contains("Unable to parse TLS packet header")
                || all.contains("WRONG_VERSION_NUMBER")) {
            return new ProbeFailure.TlsHandshake(
                    "origin answered the ClientHello with bytes that are not TLS (plain HTTP on a TLS port?)");
        }
        if (all.contains("Remote host terminated") || hasCause(e, EOFException.class)) {
            return new ProbeFailure.TlsHandshake("origin closed the connection during the TLS handshake");
        }
        return new ProbeFailure.TlsHandshake("TLS handshake failed: " + e.getMessage());
    }

    /**
     * A read or write that failed before the head was complete. A TLS alert or record error after
     * the handshake is the peer tearing the connection down abruptly too, so it counts as a reset.
     */
    static ProbeFailure exchange(
            Exception e, long responseBytes, boolean requestSent, long responseTimeoutMillis, boolean watchdogFired) {
        if (watchdogFired || timedOut(e)) {
            return new ProbeFailure.ResponseTimeout(responseTimeoutMillis, responseBytes);
        }
        String received = hasCause(e, SSLException.class) ? receivedAlert(messages(e)) : null;
        if (received != null && CLIENT_CERTIFICATE_ALERTS.containsKey(received)) {
            // TLS 1.3: the client's handshake completes before the origin has seen its certificate
            return new ProbeFailure.ClientCertificateRejected(received, CLIENT_CERTIFICATE_ALERTS.get(received), false);
        }
        if (isReset(e) || hasCause(e, SSLException.class)) {
            return new ProbeFailure.Reset(responseBytes, requestSent);
        }
        return new ProbeFailure.Internal(
                (requestSent ? "reading the response" : "sending the request") + " failed locally: " + e);
    }

    /** The name of the fatal alert the peer sent, as the JDK or BoringSSL reports it, or null. */
    static String receivedAlert(String messages) {
        Matcher jdk = ALERT.matcher(messages);
        if (jdk.find()) {
            return jdk.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher boring = BORINGSSL_ALERT.matcher(messages);
        return boring.find() ? boring.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** RST from the peer, as the JDK reports it on read ("Connection reset") or write ("Broken pipe"). */
    static boolean isReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof SocketException
                    && m != null
                    && (m.startsWith("Connection reset") || m.contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable e) {
        return hasCause(e, SocketTimeoutException.class);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 4096; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private static String lower(Exception e) {
        return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    }

    static String addr(InetSocketAddress a) {
        String ip = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + a.getPort();
    }
}
