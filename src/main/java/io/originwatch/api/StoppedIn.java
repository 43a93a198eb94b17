package io.originwatch.api;

import io.originwatch.http2.H2Failure;
import io.originwatch.probe.ProbeFailure;

/**
 * The phase a failed probe stopped in, as the waterfall names them: {@code dns}, {@code connect},
 * {@code tls}, {@code send}, {@code wait} (request sent, no complete head yet) or {@code receive}
 * (head bytes arriving). Null for a probe that read a complete head.
 */
final class StoppedIn {

    private StoppedIn() {}

    static String of(ProbeFailure f) {
        return switch (f) {
            case null -> null;
            case ProbeFailure.Unreachable u -> "dns";
            case ProbeFailure.Refused r -> "connect";
            case ProbeFailure.ConnectTimeout t -> "connect";
            case ProbeFailure.TlsHandshake t -> "tls";
            case ProbeFailure.TlsCertificate t -> "tls";
            // TLS 1.3: the alert answers the request, as a reset would
            case ProbeFailure.ClientCertificateRejected c -> c.duringHandshake() ? "tls" : "wait";
            case ProbeFailure.Reset r -> !r.requestSent() ? "send" : r.responseBytes() == 0 ? "wait" : "receive";
            case ProbeFailure.ResponseTimeout t -> t.responseBytes() == 0 ? "wait" : "receive";
            case ProbeFailure.Parse p -> "receive";
            // ALPN not selected ends in the handshake; every other h2 failure is the origin's answer
            case ProbeFailure.H2 h -> h.failure() instanceof H2Failure.NotSelected ? "tls" : "receive";
            case ProbeFailure.Internal i -> null;
        };
    }
}
