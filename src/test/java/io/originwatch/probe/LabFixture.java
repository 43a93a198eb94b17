package io.originwatch.probe;

import io.originwatch.lab.LabOrigin;
import io.originwatch.lab.OriginLab;
import io.originwatch.testing.ProbeBuilder;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/** Shared test plumbing: probe specs for lab origins, and a resolver that never leaves the lab. */
final class LabFixture {

    static final int BODY_LIMIT_BYTES = 64 * 1024;
    /** What a test allows on top of connect + response timeout (the prober's own slack is 500 ms). */
    static final Duration BOUND_SLACK = Duration.ofSeconds(1);

    private LabFixture() {}

    /**
     * The TLS stack the prober tests run on: the JDK's by default; a second surefire run sets
     * {@code test.tls-stack=conscrypt} and repeats them on Conscrypt.
     */
    static TlsStack tlsStack() {
        String name = System.getProperty("test.tls-stack", "jdk");
        return switch (name) {
            case "jdk" -> TlsStack.JDK;
            case "conscrypt" -> io.originwatch.probe.ConscryptTls.load();
            default -> throw new IllegalArgumentException("test.tls-stack: jdk or conscrypt, got " + name);
        };
    }

    /** Lab names only: anything else fails as unknown instead of reaching real DNS. */
    static Resolver resolver(OriginLab lab) {
        return host -> lab.lookup(host).orElseThrow(() -> new UnknownHostException(host + " is not a lab name"));
    }

    static ProbeSpec spec(OriginLab lab, LabOrigin o) {
        return spec(o, o.https() ? lab.caPemFile() : null, "GET");
    }

    static ProbeSpec spec(LabOrigin o, Path trustCa, String method) {
        return ProbeBuilder.lab(o).method(method).trustCa(trustCa).spec();
    }

    /** The most a probe of {@code o} may take. */
    static Duration bound(LabOrigin o) {
        return o.connectTimeout().plus(o.responseTimeout()).plus(BOUND_SLACK);
    }
}
