package io.originwatch.probe;

import static io.originwatch.probe.LabFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.lab.LabOrigin;
import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What is not the origin's fault stays Internal, the prober never throws, and nothing is reused wrongly. */
class ProberRobustnessTest {

    @RegisterExtension
    static final LabProber LAB = new LabProber();

    @Test
    void aBrokenResolverIsInternalNotUnreachable() {
        Prober broken = new Prober(host -> {
            throw new IllegalStateException("resolver bug");
        });
        ProbeResult r = broken.probe(LAB.spec(LAB.origin("lab-unreachable")), ProbeListener.NONE);
        assertThat(r.failure())
                .isInstanceOfSatisfying(
                        ProbeFailure.Internal.class,
                        f -> assertThat(f.reason())
                                .contains("resolver failed for unreachable.lab.test")
                                .contains("resolver bug"));
    }

    @Test
    void aNameIsResolvedThroughTheResolverAndTimed() {
        LabOrigin ok = LAB.origin("lab-ok");
        ProbeSpec byName = ProbeBuilder.probe()
                .name("by-name")
                .url("http://" + ok.host() + ":" + ok.url().getPort() + "/x?y=1")
                .host(ok.host())
                .headers(List.of(
                        new ProbeSpec.RequestHeader("X-Probe", "1"),
                        new ProbeSpec.RequestHeader("User-Agent", "custom/2")))
                .connectTimeout(ok.connectTimeout())
                .responseTimeout(ok.responseTimeout())
                .bodyLimit(1024)
                .userAgent("originwatch-test/1")
                .spec();
        ProbeResult r = LAB.prober().probe(byName, ProbeListener.NONE);
        assertThat(r.failure()).isNull();
        assertThat(r.timings().get(Phase.DNS)).isPresent();
        assertThat(new String(r.evidence().requestHead(), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /x?y=1 HTTP/1.1\r\nHost: ok.lab.test\r\nAccept: */*\r\nConnection: close\r\n"
                        + "X-Probe: 1\r\nUser-Agent: custom/2\r\n\r\n");
    }

    @Test
    void anImpossibleIpv4LiteralIsRefusedWithoutAnyLookup() {
        Prober counting = new Prober(host -> {
            throw new AssertionError("resolver must not be asked for " + host);
        });
        ProbeSpec bad = ProbeBuilder.probe()
                .name("bad-ip")
                .url("http://999.1.1.1:80/")
                .host("x.lab.test")
                .connectTimeout(java.time.Duration.ofSeconds(1))
                .responseTimeout(java.time.Duration.ofSeconds(1))
                .bodyLimit(1024)
                .userAgent("t")
                .spec();
        ProbeResult r = counting.probe(bad, ProbeListener.NONE);
        // java.net.URI does not take 999.1.1.1 as a host at all, so nothing is ever looked up
        assertThat(r.failure()).isEqualTo(new ProbeFailure.Internal("url http://999.1.1.1:80/ has no host"));
    }

    @Test
    void anUnreadableTrustCaIsInternalAndNamesTheFile(@TempDir Path dir) throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        LabOrigin o = LAB.origin("lab-ok-https");
        ProbeResult r = LAB.prober().probe(spec(o, notPem, "GET"), ProbeListener.NONE);
        assertThat(r.failure())
                .isInstanceOfSatisfying(
                        ProbeFailure.Internal.class, f -> assertThat(f.reason()).contains(notPem.toString()));
        ProbeResult missing = LAB.prober().probe(spec(o, dir.resolve("missing.pem"), "GET"), ProbeListener.NONE);
        assertThat(missing.failure())
                .isInstanceOfSatisfying(
                        ProbeFailure.Internal.class, f -> assertThat(f.reason()).contains("missing.pem"));
    }

    @Test
    void aHeaderWithALineBreakIsRefusedBeforeSending() {
        LabOrigin ok = LAB.origin("lab-ok");
        ProbeSpec bad = ProbeBuilder.probe()
                .name("bad")
                .url(ok.url())
                .host(ok.host())
                .headers(List.of(new ProbeSpec.RequestHeader("X-Evil", "a\r\nInjected: 1")))
                .connectTimeout(ok.connectTimeout())
                .responseTimeout(ok.responseTimeout())
                .bodyLimit(1024)
                .userAgent("t")
                .spec();
        ProbeResult r = LAB.prober().probe(bad, ProbeListener.NONE);
        assertThat(r.failure()).isEqualTo(new ProbeFailure.Internal("request header X-Evil contains CR, LF or NUL"));
    }

    @Test
    void everyHttpsProbeDoesAFullHandshake() throws Exception {
        LabOrigin o = LAB.origin("lab-ok-https");
        CapturingTrustManager trust =
                LAB.prober().tlsClients().forTrustCa(LAB.lab().caPemFile()).trust();
        long before = trust.probeChecks();
        long fullBefore = trust.fullValidations();
        for (int i = 0; i < 3; i++) {
            ProbeResult r = LAB.prober().probe(LAB.spec(o), ProbeListener.NONE);
            assertThat(r.failure()).isNull();
            assertThat(r.tls().leafSubject()).isEqualTo("CN=ok-https.lab.test,O=originwatch lab");
        }
        assertThat(trust.probeChecks() - before)
                .as("chains validated (a resumed session validates none)")
                .isEqualTo(3);
        assertThat(trust.fullValidations() - fullBefore)
                .as("the unchanged chain's PKIX verdict is reused")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void concurrentProbesOnVirtualThreadsKeepTheirOwnCertificates() throws Exception {
        List<String> names = List.of("lab-ok", "lab-ok-https", "lab-certificate-invalid", "lab-certificate-expiring");
        List<java.util.concurrent.Future<ProbeResult>> futures = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                ProbeSpec s = LAB.spec(LAB.origin(names.get(i % names.size())));
                futures.add(pool.submit(() -> LAB.prober().probe(s, ProbeListener.NONE)));
            }
        }
        for (var f : futures) {
            ProbeResult r = f.get();
            assertThat(r.failure()).as(r.spec().name()).isNull();
            String expectedError = r.spec().name().equals("lab-certificate-invalid")
                    ? "names [some-other-site.lab.test] do not match certificate-invalid.lab.test"
                    : null;
            if (r.spec().https()) {
                assertThat(r.tls().validationError()).as(r.spec().name()).isEqualTo(expectedError);
                assertThat(r.tls().leafSans())
                        .as(r.spec().name())
                        .containsExactly(expectedError == null ? r.spec().host() : "some-other-site.lab.test");
            }
        }
    }

    @Test
    void theSslContextIsReusedPerTrustCa() throws Exception {
        assertThat(LAB.prober().tlsClients().forTrustCa(LAB.lab().caPemFile()))
                .isSameAs(LAB.prober().tlsClients().forTrustCa(LAB.lab().caPemFile()));
        assertThat(LAB.prober().tlsClients().forTrustCa(null))
                .isNotSameAs(LAB.prober().tlsClients().forTrustCa(LAB.lab().caPemFile()));
    }
}
