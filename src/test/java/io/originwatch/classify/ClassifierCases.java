package io.originwatch.classify;

import static io.originwatch.testing.ProbeBuilder.failed;

import io.originwatch.http2.H2Failure;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.TlsFacts;
import io.originwatch.testing.ProbeBuilder;
import java.time.Duration;
import java.util.List;

/** The row type of the classifier's tables, and what several tables share. */
final class ClassifierCases {

    private ClassifierCases() {}

    static final String MISMATCH = "certificate names [a.test] do not match origin.test";
    static final Duration HALF_TIMEOUT = EdgeLimits.DEFAULT_RESPONSE_TIMEOUT.dividedBy(2);
    static final Duration DAYS_14 = EdgeLimits.CERTIFICATE_EXPIRING_WITHIN;

    /** {@code httpStatus} 0 = no head; {@code detail} null = not asserted in this row. */
    record Case(
            String name,
            ProbeBuilder probe,
            Cause cause,
            int edgeStatus,
            int httpStatus,
            List<Warning> warnings,
            String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, ProbeBuilder r, Cause cause, int edge, int http, String detail, Warning... warnings) {
        return new Case(name, r, cause, edge, http, List.of(warnings), detail);
    }

    static ProbeBuilder h2(H2Failure failure) {
        return failed(new ProbeFailure.H2(failure));
    }

    static final String AOP_CA = "CN=origin-pull CA,O=edge";

    /** A configured client certificate expiring at {@code notAfter}, requested (and sent) or not. */
    static TlsFacts.ClientAuth configured(boolean requested, java.time.Instant notAfter) {
        return new TlsFacts.ClientAuth(requested, List.of(), requested, "CN=edge", notAfter);
    }
}
