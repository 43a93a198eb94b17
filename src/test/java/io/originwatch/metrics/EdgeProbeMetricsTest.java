package io.originwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.origin.EdgeProbeCompleted;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ViaEdgeDropped;
import io.originwatch.testing.ProbeBuilder;
import org.junit.jupiter.api.Test;

/** Edge status and mismatch gauges follow the pair of verdicts and go with the origin. */
class EdgeProbeMetricsTest {

    private static Verdict verdict(int status, boolean up) {
        return ProbeBuilder.status(status, "")
                .url("https://shop.example.com/")
                .host("shop.example.com")
                .verdict(up ? Cause.OK : Cause.UNEXPECTED_STATUS, status, status, "");
    }

    @Test
    void gaugesFollowThePairAndGoWithTheOrigin() {
        EdgeProbeMetrics m = new EdgeProbeMetrics();
        m.registry = new SimpleMeterRegistry();
        m.onEdgeProbe(new EdgeProbeCompleted("shop", verdict(200, true), verdict(520, false)));
        assertThat(m.registry
                        .get("originwatch.edge.status")
                        .tag("origin", "shop")
                        .gauge()
                        .value())
                .isEqualTo(520);
        assertThat(m.registry
                        .get("originwatch.edge.mismatch")
                        .tag("origin", "shop")
                        .gauge()
                        .value())
                .isEqualTo(1);

        m.onEdgeProbe(new EdgeProbeCompleted("shop", verdict(503, false), verdict(520, false)));
        assertThat(m.registry
                        .get("originwatch.edge.mismatch")
                        .tag("origin", "shop")
                        .gauge()
                        .value())
                .as("both failing agree")
                .isZero();

        m.onRemoved(new OriginRemoved("shop"));
        assertThat(m.registry.find("originwatch.edge.status").gauges()).isEmpty();
        assertThat(m.registry.find("originwatch.edge.mismatch").gauges()).isEmpty();
    }

    @Test
    void gaugesGoWhenTheViaEdgeUrlIsTakenAwayAndComeBackWithIt() {
        EdgeProbeMetrics m = new EdgeProbeMetrics();
        m.registry = new SimpleMeterRegistry();
        m.onEdgeProbe(new EdgeProbeCompleted("shop", verdict(200, true), verdict(520, false)));
        m.onEdgeProbe(new EdgeProbeCompleted("blog", verdict(200, true), verdict(200, true)));

        m.onViaEdgeDropped(new ViaEdgeDropped("shop"));
        assertThat(m.registry
                        .find("originwatch.edge.status")
                        .tag("origin", "shop")
                        .gauges())
                .isEmpty();
        assertThat(m.registry
                        .find("originwatch.edge.mismatch")
                        .tag("origin", "shop")
                        .gauges())
                .isEmpty();
        assertThat(m.registry
                        .get("originwatch.edge.status")
                        .tag("origin", "blog")
                        .gauge()
                        .value())
                .as("other origins keep theirs")
                .isEqualTo(200);

        m.onEdgeProbe(new EdgeProbeCompleted("shop", verdict(200, true), verdict(200, true)));
        assertThat(m.registry
                        .get("originwatch.edge.status")
                        .tag("origin", "shop")
                        .gauge()
                        .value())
                .isEqualTo(200);
    }
}
