package io.originwatch.probe;

import io.originwatch.lab.LabOrigin;
import io.originwatch.lab.OriginLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static io.originwatch.probe.LabFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

/** The raw facts behind each warning of the catalogue, against the lab's warning origins. */
class ProberWarningsTest {

    private static OriginLab lab;
    private static Prober prober;

    @BeforeAll
    static void start() throws IOException {
        lab = OriginLab.start();
        prober = new Prober(LabFixture.resolver(lab));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static ProbeResult probe(String name) {
        return prober.probe(spec(lab, LabFixture.origin(lab, name)), ProbeListener.NONE);
    }

    @Test
    void headerSectionNearTheLimit() {
        ProbeResult r = probe("lab-headers-near-limit");
        assertThat(r.failure()).isNull();
        assertThat(r.headerBytes()).isBetween((int) (0.75 * 8192), 8192);
    }

    @Test
    void slowFirstByte() {
        LabOrigin o = LabFixture.origin(lab, "lab-slow-response");
        ProbeResult r = probe(o.name());
        assertThat(r.failure()).isNull();
        assertThat(r.timings().get(Phase.TTFB)).hasValueSatisfying(ttfb ->
                assertThat(ttfb).isBetween(o.responseTimeout().dividedBy(2), o.responseTimeout()));
    }

    @Test
    void certificateExpiringInFiveDays() {
        ProbeResult r = probe("lab-certificate-expiring");
        assertThat(r.failure()).isNull();
        assertThat(r.tls().validationError()).isNull();
        assertThat(r.tls().leafNotAfter()).isBetween(Instant.now().plus(Duration.ofDays(4)),
                Instant.now().plus(Duration.ofDays(6)));
    }

    @Test
    void wrongNameWithVerifyOffIsRecordedNotFatal() {
        LabOrigin o = LabFixture.origin(lab, "lab-certificate-invalid");
        assertThat(o.tlsVerify()).isFalse();
        ProbeResult r = probe(o.name());
        assertThat(r.failure()).isNull();
        assertThat(r.head().status()).isEqualTo(200);
        assertThat(r.tls().validationError())
                .isEqualTo("names [some-other-site.lab.test] do not match certificate-invalid.lab.test");
        assertThat(r.tls().leafSans()).containsExactly("some-other-site.lab.test");
    }

    @Test
    void wrongNameWithVerifyOnIs526() {
        LabOrigin o = LabFixture.origin(lab, "lab-certificate-invalid");
        ProbeSpec verifying = new ProbeSpec(o.name(), o.url(), o.host(), "GET", java.util.List.of(), o.connectTimeout(),
                o.responseTimeout(), o.headerLimitBytes(), 1024, StatusSet.DEFAULT, true, lab.caPemFile(), "t");
        ProbeResult r = prober.probe(verifying, ProbeListener.NONE);
        assertThat(r.failure()).isEqualTo(new ProbeFailure.TlsCertificate(
                "names [some-other-site.lab.test] do not match certificate-invalid.lab.test"));
    }

    @Test
    void bodyShorterThanContentLength() {
        ProbeResult r = probe("lab-body-truncated");
        assertThat(r.failure()).isNull();
        assertThat(r.bodyEndedEarly()).isTrue();
        assertThat(r.bodyLimitReached()).isFalse();
        assertThat(r.bodyBytes()).isEqualTo(100);
        assertThat(r.head().first("Content-Length")).contains("1000");
    }

    @Test
    void completeBodyIsNotTruncated() {
        ProbeResult r = probe("lab-ok");
        assertThat(r.bodyEndedEarly()).isFalse();
    }
}
