package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.http1.ParseFailure;
import io.originwatch.lab.LabOrigin;
import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile origins: every probe ends within connect + response timeout + slack, and the bytes it
 * reads stay near the limit that applies, however much the origin would send.
 */
class ProberBoundsTest {

    @RegisterExtension
    static final LabProber LAB = new LabProber();

    private record Timed(ProbeResult result, Duration elapsed) {}

    private static Timed timed(ProbeSpec spec) {
        long start = System.nanoTime();
        ProbeResult r = LAB.prober().probe(spec, ProbeListener.NONE);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "bounds: %s elapsed=%d ms headerBytes=%d bodyBytes=%d failure=%s%n",
                spec.name(), elapsed.toMillis(), r.headerBytes(), r.bodyBytes(), r.failure());
        return new Timed(r, elapsed);
    }

    @Test
    void dripFeedEndsAtTheResponseTimeout() {
        LabOrigin o = LAB.origin("lab-drip-feed");
        Timed t = timed(LAB.spec(o));
        assertThat(t.result().failure()).isInstanceOfSatisfying(ProbeFailure.ResponseTimeout.class, f -> {
            assertThat(f.timeoutMillis()).isEqualTo(o.responseTimeout().toMillis());
            // one byte per 150 ms for 3 s: about 20 bytes, never the unbounded stream
            assertThat(f.responseBytes()).isBetween(5L, 40L);
        });
        assertThat(t.result().headerBytes()).isBetween(5, 40);
        assertThat(t.result().timings().get(Phase.TTFB)).isPresent();
        assertThat(t.elapsed()).isBetween(o.responseTimeout(), LabFixture.bound(o));
    }

    @Test
    void endlessHeadersStopOneByteOverTheLimit() {
        LabOrigin o = LAB.origin("lab-endless-headers");
        Timed t = timed(LAB.spec(o));
        assertThat(t.result().failure())
                .isEqualTo(new ProbeFailure.Parse(
                        new ParseFailure.HeadersTooLarge(o.headerLimitBytes(), o.headerLimitBytes() + 1)));
        assertThat(t.result().evidence().responseHead())
                .as("bytes read from the socket")
                .hasSize(o.headerLimitBytes() + 1);
        assertThat(t.elapsed()).isLessThan(LabFixture.bound(o));
    }

    @Test
    void endlessBodyStopsAtTheBodyLimit() {
        LabOrigin o = LAB.origin("lab-endless-body");
        Timed t = timed(LAB.spec(o));
        assertThat(t.result().failure()).isNull();
        assertThat(t.result().bodyLimitReached()).isTrue();
        assertThat(t.result().bodyEndedEarly()).isFalse();
        // payload bytes within 64 KiB of wire bytes (chunk framing takes the rest)
        assertThat(t.result().bodyBytes()).isBetween(60_000L, (long) LabFixture.BODY_LIMIT_BYTES);
        assertThat(t.elapsed()).isLessThan(LabFixture.bound(o));
    }

    @Test
    void silentTlsPortEndsWithinTheBound() throws IOException {
        try (ScriptedOrigin silent =
                new ScriptedOrigin(s -> s.getInputStream().transferTo(OutputStream.nullOutputStream()))) {
            ProbeSpec spec = shortSpec("silent-tls", silent, "https");
            Timed t = timed(spec);
            assertThat(t.result().failure())
                    .isInstanceOfSatisfying(
                            ProbeFailure.TlsHandshake.class,
                            f -> assertThat(f.reason()).startsWith("no complete TLS handshake after"));
            assertThat(t.elapsed())
                    .isLessThan(
                            spec.connectTimeout().plus(spec.responseTimeout()).plus(LabFixture.BOUND_SLACK));
        }
    }

    @Test
    void tlsRecordDrippedOneByteAtATimeEndsWithinTheBound() throws IOException {
        try (ScriptedOrigin drip = new ScriptedOrigin(ScriptedOrigin.dripTlsRecord())) {
            ProbeSpec spec = shortSpec("drip-tls", drip, "https");
            Timed t = timed(spec);
            assertThat(t.result().failure()).isInstanceOf(ProbeFailure.TlsHandshake.class);
            assertThat(t.elapsed())
                    .isLessThan(
                            spec.connectTimeout().plus(spec.responseTimeout()).plus(LabFixture.BOUND_SLACK));
        }
    }

    private static ProbeSpec shortSpec(String name, ScriptedOrigin origin, String scheme) {
        return ProbeBuilder.probe()
                .name(name)
                .url(origin.url(scheme))
                .host(name + ".lab.test")
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(Duration.ofSeconds(2))
                .bodyLimit(1024)
                .userAgent("originwatch-test/1")
                .spec();
    }
}
