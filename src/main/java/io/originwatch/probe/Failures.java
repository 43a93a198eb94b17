package io.originwatch.probe;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
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

    /** A TLS handshake that failed for a reason other than certificate validation. */
    static ProbeFailure handshake(Exception e, Duration elapsed, boolean watchdogFired) {
        if (timedOut(e) || watchdogFired) {
            return new ProbeFailure.TlsHandshake(
                    "no complete TLS handshake after " + elapsed.toMillis() + " ms (the probe's time was up)");
        }
        if (isReset(e)) {
            return new ProbeFailure.TlsHandshake("connection reset by peer during the TLS handshake");
        }
        String all = messages(e);
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
        if (isReset(e) || hasCause(e, SSLException.class)) {
            return new ProbeFailure.Reset(responseBytes, requestSent);
        }
        return new ProbeFailure.Internal(
                (requestSent ? "reading the response" : "sending the request") + " failed locally: " + e);
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
