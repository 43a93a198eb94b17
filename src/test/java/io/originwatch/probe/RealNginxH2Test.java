package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prober against a real HTTP/2 server (Debian's nginx, {@code listen ... ssl http2}), checked
 * against what {@code curl --http2} sees of the same server: the protocol, the status, the body.
 */
class RealNginxH2Test {

    private static final int H2 = 0;
    private static final int HTTP1_ONLY = 1;
    private static final int BIG_HEADER = 2;
    private static final int NEAR_LIMIT = 3;

    private static RealNginx nginx;
    private static Prober prober;

    @BeforeAll
    static void startNginx() throws Exception {
        assumeTrue(RealNginx.installed(), "nginx and openssl are installed by .ci/run");
        nginx = RealNginx.start(List.of(
                new RealNginx.Server("ssl http2", "location / { return 200 \"hello from nginx\\n\"; }"),
                new RealNginx.Server("ssl", "location / { return 200 \"hello from nginx\\n\"; }"),
                new RealNginx.Server("ssl http2", "location / { " + filler(3) + "return 200 \"big\\n\"; }"),
                new RealNginx.Server("ssl http2", "location / { " + filler(2) + "return 200 \"near\\n\"; }")));
        prober = new Prober(host -> List.of(InetAddress.getLoopbackAddress()), 8192, LabFixture.tlsStack());
    }

    /** nginx takes at most 4 KiB per parameter: {@code n} headers of 3000 bytes each. */
    private static String filler(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("add_header X-Filler-")
                    .append(i)
                    .append(' ')
                    .append("f".repeat(3_000))
                    .append("; ");
        }
        return sb.toString();
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static ProbeSpec spec(int server) {
        return new ProbeSpec(
                "nginx",
                URI.create("https://127.0.0.1:" + nginx.port(server) + "/"),
                RealNginx.HOST,
                "GET",
                List.of(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                8192,
                64 * 1024,
                StatusSet.parse("200-399"),
                true,
                nginx.certificate(),
                "originwatch-test/1");
    }

    private static Verdict probe(int server) {
        return new Classifier().classify(prober.probe(spec(server), ProbeListener.NONE), Instant.now());
    }

    /** curl's view: {@code http_version http_code size_header}, and the body. */
    private static String curl(int server) throws Exception {
        return RealNginx.run(
                nginx.dir(),
                "curl",
                "-s",
                "--http2",
                "--cacert",
                nginx.certificate().toString(),
                "--connect-to",
                RealNginx.HOST + ":" + nginx.port(server) + ":127.0.0.1:" + nginx.port(server),
                "-w",
                "\n%{http_version} %{http_code}",
                "https://" + RealNginx.HOST + ":" + nginx.port(server) + "/");
    }

    @Test
    void h2ServerIsProbedOverHttp2AsCurlSeesIt() throws Exception {
        Verdict v = probe(H2);
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.OK);
        assertThat(v.result().alpn()).isEqualTo("h2");
        assertThat(v.result().httpVersion()).isEqualTo("HTTP/2");
        assertThat(v.result().head().first("server"))
                .hasValueSatisfying(s -> assertThat(s).startsWith("nginx"));
        assertThat(new String(v.result().evidence().body())).isEqualTo("hello from nginx\n");
        assertThat(v.result().bodyEndedEarly()).isFalse();
        assertThat(curl(H2)).isEqualTo("hello from nginx\n\n2 200");
    }

    @Test
    void http11OfferGetsHttp11FromAnH2Server() {
        ProbeSpec spec = spec(H2).toBuilder().httpVersion(HttpVersion.HTTP_1_1).build();
        Verdict v = new Classifier().classify(prober.probe(spec, ProbeListener.NONE), Instant.now());
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.OK);
        assertThat(v.result().alpn()).isNull();
        assertThat(v.result().head().version()).isEqualTo("HTTP/1.1");
    }

    @Test
    void serverWithoutHttp2SelectsHttp11AndIsProbedOverIt() throws Exception {
        Verdict v = probe(HTTP1_ONLY);
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.OK);
        assertThat(v.result().alpn()).isEqualTo("http/1.1");
        assertThat(v.result().httpVersion()).isEqualTo("HTTP/1.1");
        assertThat(curl(HTTP1_ONLY)).isEqualTo("hello from nginx\n\n1.1 200");
    }

    @Test
    void headersOverTheLimitOverH2AreTooLarge() throws Exception {
        Verdict v = probe(BIG_HEADER);
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.HEADERS_TOO_LARGE);
        assertThat(v.result().alpn()).isEqualTo("h2");
        assertThat(v.detail()).startsWith("header section exceeds limit 8192 bytes measured as HTTP/1.1");
        assertThat(curl(BIG_HEADER)).endsWith("2 200");
    }

    @Test
    void headersNearTheLimitOverH2WarnAsOverHttp11() throws Exception {
        Verdict v = probe(NEAR_LIMIT);
        assertThat(v.cause()).as(v.detail()).isEqualTo(Cause.OK);
        assertThat(v.warnings()).extracting(w -> w.label()).contains("headers_near_limit");
        assertThat(v.result().headerBytes()).isBetween(6_144, 8_192);
    }
}
