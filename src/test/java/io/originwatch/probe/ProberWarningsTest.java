package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.lab.LabOrigin;
import io.originwatch.testing.ProbeBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The raw facts behind each warning of the catalogue, against the lab's warning origins. */
class ProberWarningsTest {

    @RegisterExtension
    static final LabProber LAB = new LabProber();

    @Test
    void headerSectionNearTheLimit() {
        ProbeResult r = LAB.probe("lab-headers-near-limit");
        assertThat(r.failure()).isNull();
        assertThat(r.headerBytes()).isBetween((int) (0.75 * 8192), 8192);
    }

    @Test
    void slowFirstByte() {
        LabOrigin o = LAB.origin("lab-slow-response");
        ProbeResult r = LAB.probe(o.name());
        assertThat(r.failure()).isNull();
        assertThat(r.timings().get(Phase.TTFB))
                .hasValueSatisfying(
                        ttfb -> assertThat(ttfb).isBetween(o.responseTimeout().dividedBy(2), o.responseTimeout()));
    }

    @Test
    void certificateExpiringInFiveDays() {
        ProbeResult r = LAB.probe("lab-certificate-expiring");
        assertThat(r.failure()).isNull();
        assertThat(r.tls().validationError()).isNull();
        assertThat(r.tls().leafNotAfter())
                .isBetween(Instant.now().plus(Duration.ofDays(4)), Instant.now().plus(Duration.ofDays(6)));
    }

    @Test
    void wrongNameWithVerifyOffIsRecordedNotFatal() {
        LabOrigin o = LAB.origin("lab-certificate-invalid");
        assertThat(o.tlsVerify()).isFalse();
        ProbeResult r = LAB.probe(o.name());
        assertThat(r.failure()).isNull();
        assertThat(r.head().status()).isEqualTo(200);
        assertThat(r.tls().validationError())
                .isEqualTo("names [some-other-site.lab.test] do not match certificate-invalid.lab.test");
        assertThat(r.tls().leafSans()).containsExactly("some-other-site.lab.test");
    }

    @Test
    void wrongNameWithVerifyOnIs526() {
        LabOrigin o = LAB.origin("lab-certificate-invalid");
        ProbeSpec verifying = ProbeBuilder.probe()
                .name(o.name())
                .url(o.url())
                .host(o.host())
                .connectTimeout(o.connectTimeout())
                .responseTimeout(o.responseTimeout())
                .limit(o.headerLimitBytes())
                .bodyLimit(1024)
                .trustCa(LAB.lab().caPemFile())
                .userAgent("t")
                .spec();
        ProbeResult r = LAB.prober().probe(verifying, ProbeListener.NONE);
        assertThat(r.failure())
                .isEqualTo(new ProbeFailure.TlsCertificate(
                        "names [some-other-site.lab.test] do not match certificate-invalid.lab.test"));
    }

    @Test
    void bodyShorterThanContentLength() {
        ProbeResult r = LAB.probe("lab-body-truncated");
        assertThat(r.failure()).isNull();
        assertThat(r.bodyEndedEarly()).isTrue();
        assertThat(r.bodyLimitReached()).isFalse();
        assertThat(r.bodyBytes()).isEqualTo(100);
        assertThat(r.head().first("Content-Length")).contains("1000");
    }

    @Test
    void completeBodyIsNotTruncated() {
        ProbeResult r = LAB.probe("lab-ok");
        assertThat(r.bodyEndedEarly()).isFalse();
    }
}
