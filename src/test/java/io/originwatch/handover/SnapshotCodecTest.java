package io.originwatch.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.alert.ActiveAlert;
import io.originwatch.alert.SavedOrigin;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.HarSchema;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.evidence.Redactor;
import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ParseFailure;
import io.originwatch.http1.ResponseHead;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.TlsFacts;
import io.originwatch.testing.ProbeBuilder;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's bytes: every field round-trips; no secret of the spec or the evidence goes on the
 * wire; foreign, hostile and oversized bytes are refused with a message naming the origin.
 */
class SnapshotCodecTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456789Z");
    private static final String TOKEN = "Bearer s3cr3t-canary-token";

    private static ProbeSpec spec(String token) {
        return ProbeBuilder.probe()
                .name("shop")
                .host("shop.test")
                .header("Authorization", token)
                .spec();
    }

    private static OriginSnapshot full(ProbeSpec spec) {
        ProbeResult result = new ProbeResult(
                spec,
                T0,
                new PhaseTimings(
                        Map.of(Phase.CONNECT, Duration.ofNanos(12_345_678), Phase.TOTAL, Duration.ofMillis(57))),
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 8443),
                new ProbeFailure.Parse(new ParseFailure.MalformedHeader(3, "X-Bad\\x00", "NUL in a header")),
                new ResponseHead("HTTP/1.1", 502, "Bad Gateway", List.of(new HeaderField("CF-Ray", "8abc-AMS")), 187),
                187,
                42,
                true,
                false,
                new TlsFacts(
                        "TLSv1.3",
                        "TLS_AES_128_GCM_SHA256",
                        "CN=shop.test",
                        List.of("shop.test", "www.shop.test"),
                        "CN=Lab CA",
                        T0.plusSeconds(86_400),
                        T0.minusSeconds(86_400),
                        null,
                        "h2",
                        new TlsFacts.ClientAuth(true, List.of("CN=Client CA"), true, "CN=client", T0.plusSeconds(60))),
                new Evidence(
                        ("GET / HTTP/1.1\r\nAuthorization: " + TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                        "HTTP/1.1 502 Bad Gateway\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                        "body".getBytes(StandardCharsets.US_ASCII),
                        false),
                ProbeResult.HTTP_1_1);
        Verdict v = new Verdict(
                result,
                Cause.INVALID_RESPONSE,
                520,
                0,
                List.of(Warning.SLOW_RESPONSE, Warning.CERTIFICATE_EXPIRING),
                "NUL in header line 3");
        ActiveAlert alert = new ActiveAlert(
                "shop",
                Map.of("team", "web", "tier", "1"),
                Cause.INVALID_RESPONSE,
                520,
                "critical",
                "NUL in header line 3",
                result.timings(),
                T0,
                T0.minusSeconds(30));
        return new OriginSnapshot(
                "shop",
                new ProbeRecord(v),
                true,
                4,
                0,
                T0.minusSeconds(30),
                new SavedOrigin("shop", 4, 0, T0.minusSeconds(30), alert));
    }

    @Test
    void everyFieldRoundTripsAndTheReaderPutsItsOwnSpecBack() throws Exception {
        OriginSnapshot s = full(spec(TOKEN));
        ProbeSpec mine = spec("Bearer the-readers-own");

        OriginSnapshot back = SnapshotCodec.decode("shop", SnapshotCodec.encode(s), mine);

        ProbeResult r = back.latest().verdict().result();
        assertThat(r.spec()).isSameAs(mine);
        assertThat(r.evidence().requestHead())
                .as("evidence stays with the prober")
                .isEmpty();
        assertThat(back)
                .usingRecursiveComparison()
                .ignoringFields("latest.verdict.result.spec", "latest.verdict.result.evidence")
                .isEqualTo(s);
        assertThat(back.alert()).isEqualTo(s.alert());
        assertThat(r.timings()).isEqualTo(s.latest().verdict().result().timings());
        assertThat(r.failure()).isEqualTo(s.latest().verdict().result().failure());
        assertThat(r.tls()).isEqualTo(s.latest().verdict().result().tls());
        assertThat(r.head()).isEqualTo(s.latest().verdict().result().head());
    }

    @Test
    void noSecretOfTheSpecOrTheEvidenceGoesOnTheWire() throws Exception {
        byte[] bytes = SnapshotCodec.encode(full(spec(TOKEN)));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("s3cr3t-canary-token").doesNotContain("Authorization");
        assertThat(bytes.length).as("snapshot size").isLessThan(8 * 1024);
    }

    /** The failing probe's HAR as the evidence API renders it: through the default redactor. */
    private static CarriedEvidence carried(OriginSnapshot s) {
        Captured c = new Captured(s.latest().verdict(), ProbeKind.DIRECT);
        byte[] har = HarSchema.JSON.bytes(c.har(new HarBuilder("test", Redactor.defaults())));
        return new CarriedEvidence(c.probedAt(), c.cause(), har);
    }

    @Test
    void theCarriedFailingHarRoundTrips() throws Exception {
        OriginSnapshot s = full(spec(TOKEN));
        CarriedEvidence ev = carried(s);
        assertThat(new String(ev.har(), StandardCharsets.UTF_8))
                .as("a real HAR of the failing probe")
                .contains("\"startedDateTime\"")
                .contains("Authorization");

        OriginSnapshot back = SnapshotCodec.decode("shop", SnapshotCodec.encode(s.carrying(ev)), spec(TOKEN));

        assertThat(back.failing()).isNotNull();
        assertThat(back.failing().probedAt()).isEqualTo(T0);
        assertThat(back.failing().cause()).isEqualTo("invalid_response");
        assertThat(back.failing().har()).isEqualTo(ev.har());
        assertThat(HarSchema.errors(back.failing().har())).as("HAR 1.2").isEmpty();
        assertThat(SnapshotCodec.decode("shop", SnapshotCodec.encode(s), spec(TOKEN))
                        .failing())
                .as("a snapshot without evidence")
                .isNull();
    }

    @Test
    void aSecretHeaderValueNeverAppearsInASnapshotCarryingTheHar() throws Exception {
        OriginSnapshot s = full(spec(TOKEN));
        byte[] bytes = SnapshotCodec.encode(s.carrying(carried(s)));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text)
                .as("the HAR's header name stays, its value is redacted")
                .contains("Authorization")
                .contains(Redactor.REDACTED)
                .doesNotContain("s3cr3t-canary-token");
    }

    @Test
    void aCarriedHarIsBounded() {
        assertThatThrownBy(() ->
                        new CarriedEvidence(T0, "connection_refused", new byte[CarriedEvidence.MAX_HAR_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + CarriedEvidence.MAX_HAR_BYTES);
    }

    @Test
    void foreignBytesAreRefused() {
        assertThatThrownBy(() -> SnapshotCodec.decode("shop", "hello".getBytes(StandardCharsets.UTF_8), spec(TOKEN)))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessageContaining("shop")
                .hasMessageContaining("not an originwatch snapshot");
        byte[] truncated = SnapshotCodec.MAGIC.clone();
        assertThatThrownBy(() -> SnapshotCodec.decode("shop", truncated, spec(TOKEN)))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aClassOutsideTheAllowlistIsNeverInstantiated() throws Exception {
        Hostile.built = 0;
        byte[] bytes = framed(new Hostile());
        assertThatThrownBy(() -> SnapshotCodec.decode("shop", bytes, spec(TOKEN)))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessageContaining("InvalidClassException")
                .hasMessageContaining("REJECTED");
        assertThat(Hostile.built).isZero();
        byte[] list = framed(new ArrayList<>(List.of("a")));
        assertThatThrownBy(() -> SnapshotCodec.decode("shop", list, spec(TOKEN)))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessageContaining("REJECTED");
    }

    @Test
    void anotherOriginsSnapshotIsRefused() throws Exception {
        byte[] bytes = SnapshotCodec.encode(full(spec(TOKEN)));
        assertThatThrownBy(() -> SnapshotCodec.decode("api", bytes, spec(TOKEN)))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessage("snapshot kept under api is another origin's");
    }

    @Test
    void aRecordsOwnCheckRefusesAForgedValue() throws Exception {
        // a value the canonical constructor refuses, written by a record of the same shape and renamed
        // in the stream: reading it runs the constructor's check, so the forged value never exists
        byte[] forged = framed(new Forged(-1));
        String name = Forged.class.getName();
        byte[] patched = replace(forged, name, Cheque.class.getName());
        assertThatThrownBy(() -> SnapshotCodec.decode("shop", patched, spec(TOKEN)))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void anOversizedSnapshotIsNeitherWrittenNorRead() throws Exception {
        byte[] big = new byte[SnapshotCodec.MAX_BYTES + 1];
        System.arraycopy(SnapshotCodec.MAGIC, 0, big, 0, SnapshotCodec.MAGIC.length);
        assertThatThrownBy(() -> SnapshotCodec.decode("shop", big, spec(TOKEN)))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessageContaining("over the limit of " + SnapshotCodec.MAX_BYTES);

        OriginSnapshot s = full(spec(TOKEN));
        Verdict v = s.latest().verdict();
        Verdict huge = new Verdict(
                v.result(),
                v.cause(),
                v.edgeStatus(),
                v.httpStatus(),
                v.warnings(),
                "x".repeat(SnapshotCodec.MAX_BYTES));
        OriginSnapshot tooBig = new OriginSnapshot("shop", new ProbeRecord(huge), false, 1, 0, null, null);
        assertThatThrownBy(() -> SnapshotCodec.encode(tooBig))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessageContaining("over the limit");
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        Object deep = null;
        for (int i = 0; i < 100; i++) {
            deep = new Nest(deep);
        }
        byte[] bytes = framed(deep);
        assertThatThrownBy(() -> SnapshotCodec.decode("shop", bytes, spec(TOKEN)))
                .isInstanceOf(SnapshotCodec.Refused.class)
                .hasMessageContaining("REJECTED");
    }

    private static byte[] framed(Object o) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SnapshotCodec.MAGIC);
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(o);
        }
        return out.toByteArray();
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(from.length()).isEqualTo(to.length());
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Not a record: an allowlist that let it in would run its code. */
    static final class Hostile implements Serializable {
        static int built;

        private void readObject(java.io.ObjectInputStream in) {
            built++;
        }
    }

    /** A record of this package: allowed, so the depth bound has to stop it. */
    record Nest(Object inner) implements Serializable {}

    /** Same name length as {@link Cheque}; one int component. */
    record Forged(int failures) implements Serializable {}

    /** A record whose canonical constructor refuses a negative count. */
    record Cheque(int failures) implements Serializable {
        Cheque {
            if (failures < 0) {
                throw new IllegalArgumentException("failures below 0");
            }
        }
    }
}
