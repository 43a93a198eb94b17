package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.lab.LabExtension;
import io.originwatch.lab.LabOrigin;
import io.originwatch.testing.ProbeBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The prober keeps the first body payload bytes for evidence, bounded by the capture and body limits. */
class ProberBodyCaptureTest {

    @RegisterExtension
    static final LabExtension LAB = new LabExtension();

    private static ProbeResult probe(Prober prober, String origin, String method, int bodyLimit) {
        LabOrigin o = LAB.origin(origin);
        ProbeSpec s = LabFixture.spec(o, null, method);
        ProbeSpec limited = ProbeBuilder.probe(s).bodyLimit(bodyLimit).spec();
        return prober.probe(limited, ProbeListener.NONE);
    }

    @Test
    void wholeSmallBodyIsKeptAndNotTruncated() {
        ProbeResult r = probe(new Prober(LabFixture.resolver(LAB.lab())), "lab-ok", "GET", LabFixture.BODY_LIMIT_BYTES);
        assertThat(new String(r.evidence().body(), StandardCharsets.ISO_8859_1)).isEqualTo("hello, world\n");
        assertThat(r.evidence().bodyTruncated()).isFalse();
        assertThat(r.bodyBytes()).isEqualTo(13);
    }

    @Test
    void chunkedBodyIsKeptWithoutFramingUpToTheCaptureLimit() {
        Prober prober = new Prober(LabFixture.resolver(LAB.lab()), 3000);
        ProbeResult r = probe(prober, "lab-endless-body", "GET", LabFixture.BODY_LIMIT_BYTES);
        assertThat(r.evidence().body()).hasSize(3000);
        assertThat(new String(r.evidence().body(), StandardCharsets.ISO_8859_1)).matches("b{3000}");
        assertThat(r.evidence().bodyTruncated()).isTrue();
    }

    @Test
    void bodyLimitBelowCaptureLimitBoundsTheCapture() {
        Prober prober = new Prober(LabFixture.resolver(LAB.lab()), Prober.DEFAULT_BODY_CAPTURE_BYTES);
        ProbeResult r = probe(prober, "lab-endless-body", "GET", 2000);
        // 2000 wire bytes hold "400\r\n" framing plus payload: the capture never exceeds the body limit.
        assertThat(r.evidence().body().length).isLessThanOrEqualTo(2000).isGreaterThan(1000);
        assertThat(r.bodyLimitReached()).isTrue();
        assertThat(r.evidence().bodyTruncated()).isTrue();
    }

    @Test
    void bodyThatEndedEarlyKeepsWhatArrived() {
        ProbeResult r = probe(
                new Prober(LabFixture.resolver(LAB.lab())), "lab-body-truncated", "GET", LabFixture.BODY_LIMIT_BYTES);
        assertThat(r.bodyEndedEarly()).isTrue();
        assertThat(new String(r.evidence().body(), StandardCharsets.ISO_8859_1)).matches("t+");
        assertThat((long) r.evidence().body().length).isEqualTo(r.bodyBytes());
        assertThat(r.evidence().bodyTruncated())
                .as("everything that arrived was kept")
                .isFalse();
    }

    @Test
    void zeroCaptureAndHeadKeepNothing() {
        ProbeResult none =
                probe(new Prober(LabFixture.resolver(LAB.lab()), 0), "lab-ok", "GET", LabFixture.BODY_LIMIT_BYTES);
        assertThat(none.evidence().body()).isEmpty();
        assertThat(none.evidence().bodyTruncated()).isTrue();
        ProbeResult head =
                probe(new Prober(LabFixture.resolver(LAB.lab())), "lab-ok", "HEAD", LabFixture.BODY_LIMIT_BYTES);
        assertThat(head.evidence().body()).isEmpty();
        assertThat(head.evidence().bodyTruncated()).isFalse();
    }

    @Test
    void failedProbeKeepsNoBody() {
        ProbeResult r = probe(
                new Prober(LabFixture.resolver(LAB.lab())), "lab-invalid-response", "GET", LabFixture.BODY_LIMIT_BYTES);
        assertThat(r.failure()).isNotNull();
        assertThat(r.evidence().body()).isEmpty();
        assertThat(List.of(r.evidence().bodyTruncated())).containsExactly(false);
    }

    @Test
    void negativeCaptureIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Prober(Resolver.SYSTEM, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bodyCaptureBytes");
    }
}
