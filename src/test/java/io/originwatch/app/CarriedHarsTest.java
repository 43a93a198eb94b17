package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.alert.AlertDispatcher;
import io.originwatch.alert.AlertPolicy;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.EvidenceStore;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.HarSchema;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.evidence.Redactor;
import io.originwatch.handover.CarriedEvidence;
import io.originwatch.handover.OriginSnapshot;
import io.originwatch.handover.SnapshotCodec;
import io.originwatch.handover.SnapshotStore;
import io.originwatch.http1.HeaderField;
import io.originwatch.origin.Origin;
import io.originwatch.origin.Ownership;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.probe.ProbeResult;
import io.originwatch.schedule.OriginState;
import io.originwatch.schedule.Probes;
import io.originwatch.testing.ProbeBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the owner's snapshots carry of the evidence: while the origin fails, its last failing
 * direct probe's redacted HAR, rendered once per failing probe that changed it; when healthy,
 * nothing; a HAR over the cap, nothing. And what a receiver serves: the carried HAR until its own
 * failing probe is as new. The probes carry a canary secret header, which no published byte holds.
 */
class CarriedHarsTest {

    private static final String CANARY = "Bearer CANARY-carried-har-secret";

    private final List<byte[]> puts = new ArrayList<>();
    private final SnapshotStore store = new SnapshotStore() {
        @Override
        public void put(String origin, byte[] snapshot) {
            puts.add(snapshot);
        }

        @Override
        public Map<String, byte[]> getAll(Collection<String> origins) {
            return Map.of();
        }
    };
    private final Origin origin = new Origin(spec(), Duration.ofSeconds(10), Map.of(), "config");
    private final OriginState state = new OriginState(origin);
    private final AlertDispatcher alerts =
            new AlertDispatcher(AlertPolicy.DEFAULT, List.of(), Clock.systemUTC(), Duration.ofMinutes(1));
    private final EvidenceStore evidence = new EvidenceStore();
    private final HarBuilder builder = new HarBuilder("test", Redactor.defaults());
    private final AtomicInteger renders = new AtomicInteger();
    private int maxHar = Integer.MAX_VALUE;
    private final CarriedHars hars = new CarriedHars(evidence, c -> {
        renders.incrementAndGet();
        byte[] har = HarSchema.JSON.bytes(c.har(builder));
        return har.length > maxHar ? new byte[CarriedEvidence.MAX_HAR_BYTES + 1] : har;
    });
    private final StateHandover handover =
            new StateHandover(store, n -> Optional.of(state), () -> Ownership.STANDALONE, alerts, hars);
    private Instant at = Instant.parse("2026-12-01T10:00:00Z");

    private static io.originwatch.probe.ProbeSpec spec() {
        return ProbeBuilder.probe()
                .name("shop")
                .host("shop.test")
                .header("Authorization", CANARY)
                .spec();
    }

    @Test
    void aFailingOriginsSnapshotCarriesItsRedactedFailingHarAndAHealthyOneNothing() throws Exception {
        probe(Cause.OK);
        assertThat(last().failing()).as("healthy: nothing new").isNull();
        assertThat(renders).hasValue(0);

        Instant failedAt = probe(Cause.CONNECTION_REFUSED);
        OriginSnapshot s = last();
        assertThat(s.failing()).isNotNull();
        assertThat(s.failing().probedAt()).isEqualTo(failedAt);
        assertThat(s.failing().cause()).isEqualTo("connection_refused");
        assertThat(HarSchema.errors(s.failing().har())).isEmpty();
        assertThat(new String(s.failing().har(), StandardCharsets.UTF_8))
                .contains("Authorization")
                .doesNotContain("CANARY");
        for (byte[] b : puts) {
            assertThat(new String(b, StandardCharsets.ISO_8859_1))
                    .as("no published snapshot holds the secret")
                    .doesNotContain("CANARY");
        }

        int with = puts.get(puts.size() - 1).length;
        int without = SnapshotCodec.encode(s.carrying(null)).length;
        System.out.printf(
                "snapshot %d bytes carrying a %d-byte HAR, %d without%n",
                with, s.failing().har().length, without);
        assertThat(with).as("a small failing HAR keeps the snapshot small").isLessThan(16 * 1024);

        Instant again = probe(Cause.CONNECTION_REFUSED);
        assertThat(last().failing().probedAt()).as("the newest failing probe").isEqualTo(again);
        assertThat(renders).as("one render per changed failing probe").hasValue(2);

        probe(Cause.OK);
        assertThat(last().failing()).as("recovered: nothing carried").isNull();
        assertThat(renders).hasValue(2);
    }

    @Test
    void aHarOverTheCapIsLeftOutAndTheSnapshotStillPublished() throws Exception {
        maxHar = 0;
        probe(Cause.CONNECTION_REFUSED);
        assertThat(puts).hasSize(1);
        assertThat(last().failing()).isNull();
        assertThat(last().failures()).isEqualTo(1);
    }

    @Test
    void aReceiverServesTheCarriedHarUntilItsOwnFailingProbe() {
        CarriedHars receiver = new CarriedHars(new EvidenceStore(), c -> HarSchema.JSON.bytes(c.har(builder)));
        CarriedEvidence old =
                new CarriedEvidence(at, "connection_refused", "{\"log\":{}}".getBytes(StandardCharsets.UTF_8));
        receiver.received("shop", old);
        assertThat(receiver.failing("shop")).containsSame(old);
        receiver.received("shop", new CarriedEvidence(at.minusSeconds(10), "connection_refused", new byte[1]));
        assertThat(receiver.failing("shop")).as("the newer one stays").containsSame(old);
        receiver.remove("shop");
        assertThat(receiver.failing("shop")).isEmpty();

        EvidenceStore own = new EvidenceStore();
        CarriedHars mine = new CarriedHars(own, c -> HarSchema.JSON.bytes(c.har(builder)));
        mine.received("shop", old);
        own.recordDirect("shop", new Captured(verdict(Cause.OK, at.plusSeconds(10)), ProbeKind.DIRECT));
        assertThat(mine.failing("shop"))
                .as("a healthy probe of its own keeps the carried failing one")
                .contains(old);
        own.recordDirect("shop", new Captured(verdict(Cause.CONNECTION_RESET, at.plusSeconds(20)), ProbeKind.DIRECT));
        assertThat(mine.failing("shop")).as("its own failing probe replaces it").isEmpty();
    }

    private OriginSnapshot last() throws SnapshotCodec.Refused {
        return SnapshotCodec.decode("shop", puts.get(puts.size() - 1), origin.spec());
    }

    private Verdict verdict(Cause cause, Instant when) {
        // an exchange keeps its raw bytes as evidence: the request head with the secret header
        ProbeResult r = ProbeBuilder.exchange(List.of(new HeaderField("Server", "lab")), "oops")
                .name("shop")
                .host("shop.test")
                .header("Authorization", CANARY)
                .startedAt(when)
                .result();
        Verdict v = ProbeBuilder.verdict("shop", cause, when);
        return new Verdict(r, v.cause(), v.edgeStatus(), v.httpStatus(), v.warnings(), v.detail());
    }

    /** One probe as the daemon records it: state, alert tracker, evidence recorder, then the snapshot. */
    private Instant probe(Cause cause) {
        at = at.plusSeconds(10);
        Verdict v = verdict(cause, at);
        assertThat(new String(v.result().evidence().requestHead(), StandardCharsets.ISO_8859_1))
                .as("the raw request head holds the secret")
                .contains("CANARY");
        Probes.record(state, new ProbeRecord(v));
        alerts.probeCompleted("shop", Map.of(), v);
        evidence.recordDirect("shop", new Captured(v, ProbeKind.DIRECT));
        handover.recorded("shop", false);
        return at;
    }
}
