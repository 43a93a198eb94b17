package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.http1.HeaderField;
import io.originwatch.testing.ProbeBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retention: latest and last failing per path, ray IDs of 5xx edge answers (last 20), removal. */
class EvidenceStoreTest {

    private static Captured captured(int second, Cause cause) {
        return new Captured(ProbeBuilder.verdict("a", cause, Instant.ofEpochSecond(second)), ProbeKind.DIRECT);
    }

    private static EdgeObservation edge(int second, int status, String ray) {
        return new EdgeObservation(
                Instant.ofEpochSecond(second),
                "https://a.test/",
                status,
                status >= 500 ? "unexpected_status" : "ok",
                status < 500,
                ray,
                "DYNAMIC",
                "cloudflare",
                Map.of(),
                "");
    }

    @Test
    void recoveredOriginStillShowsItsLastFailure() {
        EvidenceStore store = new EvidenceStore();
        assertThat(store.recordDirect("a", captured(1, Cause.OK))).isFalse();
        assertThat(store.recordDirect("a", captured(2, Cause.CONNECTION_RESET)))
                .as("episode starts")
                .isTrue();
        assertThat(store.recordDirect("a", captured(3, Cause.CONNECTION_RESET)))
                .as("same episode")
                .isFalse();
        assertThat(store.recordDirect("a", captured(4, Cause.EMPTY_RESPONSE)))
                .as("cause changed")
                .isTrue();
        store.recordDirect("a", captured(5, Cause.OK));
        OriginEvidence e = store.get("a").orElseThrow();
        assertThat(e.direct().probedAt()).isEqualTo(Instant.ofEpochSecond(5));
        assertThat(e.directFailing().cause()).isEqualTo("empty_response");
        assertThat(e.forTicket(ProbeKind.DIRECT).cause()).isEqualTo("empty_response");
        assertThat(e.forTicket(ProbeKind.VIA_EDGE)).isNull();
    }

    @Test
    void keptProbeRendersTheHarItWasRecordedAs() {
        Verdict v = ProbeBuilder.exchange(List.of(new HeaderField("Server", "nginx")), "hello")
                .url("http://127.0.0.1/")
                .host("a.test")
                .classify();
        HarBuilder builder = new HarBuilder("t", Redactor.defaults());
        Captured c = new Captured(v, ProbeKind.DIRECT);
        assertThat(HarSchema.JSON.bytes(c.har(builder)))
                .isEqualTo(HarSchema.JSON.bytes(builder.build(v, ProbeKind.DIRECT)));
        assertThat(c.entry(builder).response().content().text()).isEqualTo("hello");
        assertThat(c.entry(builder).response().headers())
                .extracting(Har.Header::name)
                .contains("Server");
        assertThat(c.probedAt()).isEqualTo(ProbeBuilder.NOW);
        assertThat(c.cause()).isEqualTo("ok");
        assertThat(c.up()).isTrue();
    }

    @Test
    void keepsTheLastTwentyRayIdsOfServerErrorsOnly() {
        EvidenceStore store = new EvidenceStore();
        for (int i = 0; i < 25; i++) {
            store.recordEdge("a", captured(i, Cause.UNEXPECTED_STATUS), edge(i, 520, "ray" + i + "-AMS"));
            store.recordEdge("a", captured(i, Cause.OK), edge(i, 200, "ok" + i + "-AMS"));
        }
        List<RayId> rays = store.get("a").orElseThrow().rayIds();
        assertThat(rays).hasSize(OriginEvidence.MAX_RAY_IDS);
        assertThat(rays.get(0).id()).isEqualTo("ray5-AMS");
        assertThat(rays.get(19)).isEqualTo(new RayId("ray24-AMS", Instant.ofEpochSecond(24), 520));
    }

    @Test
    void comparisonNeedsBothPaths() {
        EvidenceStore store = new EvidenceStore();
        store.recordDirect("a", captured(1, Cause.OK));
        assertThat(store.get("a").orElseThrow().comparison()).isNull();
        store.recordEdge("a", captured(1, Cause.UNEXPECTED_STATUS), edge(1, 520, "r-AMS"));
        assertThat(store.get("a").orElseThrow().comparison()).isEqualTo(EdgeComparison.EDGE_FAILING);
        assertThat(EdgeComparison.EDGE_FAILING.mismatch()).isTrue();
        assertThat(EdgeComparison.of(false, true)).isEqualTo(EdgeComparison.ORIGIN_FAILING);
        assertThat(EdgeComparison.of(false, false).mismatch()).isFalse();
        assertThat(EdgeComparison.of(true, true).mismatch()).isFalse();
    }

    @Test
    void removedOriginsAreForgotten() {
        EvidenceStore store = new EvidenceStore();
        store.recordDirect("a", captured(1, Cause.OK));
        store.recordDirect("b", captured(1, Cause.OK));
        store.remove("a");
        assertThat(store.get("a")).isEmpty();
        store.retainOnly(java.util.Set.of("c"));
        assertThat(store.size()).isZero();
    }

    @Test
    void edgeObservationReadsTheEdgeHeaders() {
        var v = ProbeBuilder.exchange(
                        List.of(
                                new HeaderField("CF-RAY", "8a1b2c3d4e5f6789-AMS"),
                                new HeaderField("cf-cache-status", "HIT"),
                                new HeaderField("Server", "cloudflare")),
                        "")
                .url("https://203.0.113.10/")
                .host("shop.example.com")
                .classify();
        EdgeObservation o = EdgeObservation.of(v);
        assertThat(o.cfRay()).isEqualTo("8a1b2c3d4e5f6789-AMS");
        assertThat(o.cfCacheStatus()).isEqualTo("HIT");
        assertThat(o.server()).isEqualTo("cloudflare");
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.timingsMillis()).containsEntry("ttfb", 40.0).doesNotContainKey("tls");
    }
}
