package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Classifier;
import io.originwatch.lab.LabOrigin;
import io.originwatch.lab.OriginLab;
import io.originwatch.probe.ProbeListener;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec.RequestHeader;
import io.originwatch.probe.Prober;
import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The curl line: content per probe kind, shell quoting, and (with the real curl) that it repeats the probe. */
class CurlCommandTest {

    record Row(String name, ProbeBuilder probe, String connected, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String BASE = "curl -sv -o /dev/null --http1.1 ";
    private static final String STD = " -H 'User-Agent: originwatch/0.1.0' -H 'Accept: */*' -H 'Connection: close'";

    static Stream<Row> rows() {
        String v4 = "203.0.113.10";
        return Stream.of(
                new Row(
                        "https GET through the connected address",
                        spec("https://203.0.113.10/login?next=/a&b=1", "shop.example.com", "GET", List.of(), true),
                        v4,
                        BASE
                                + "--connect-to shop.example.com:443:203.0.113.10:443 'https://shop.example.com/login?next=/a&b=1'"
                                + STD),
                new Row(
                        "HEAD is -I, tls-verify off is -k",
                        spec("https://203.0.113.10/", "shop.example.com", "HEAD", List.of(), false),
                        v4,
                        BASE + "-I -k --connect-to shop.example.com:443:203.0.113.10:443 https://shop.example.com/"
                                + STD),
                new Row(
                        "a client certificate is --cert and --key, by path",
                        spec("https://203.0.113.10/", "shop.example.com", "GET", List.of(), true)
                                .clientCertificate(new io.originwatch.probe.ClientCertificate(
                                        java.nio.file.Path.of("/etc/originwatch/aop.crt"),
                                        java.nio.file.Path.of("/etc/originwatch/aop.key"))),
                        v4,
                        BASE + "--cert /etc/originwatch/aop.crt --key /etc/originwatch/aop.key --connect-to"
                                + " shop.example.com:443:203.0.113.10:443 https://shop.example.com/" + STD),
                new Row(
                        "IPv6 address in brackets",
                        spec("http://[2001:db8::1]/", "shop.example.com", "GET", List.of(), true),
                        "2001:db8::1",
                        BASE + "--connect-to 'shop.example.com:80:[2001:db8:0:0:0:0:0:1]:80' http://shop.example.com/"
                                + STD),
                new Row(
                        "not connected: the url's host is the target",
                        spec("https://origin.internal:8443/", "shop.example.com", "GET", List.of(), true),
                        null,
                        BASE + "--connect-to shop.example.com:8443:origin.internal:8443 https://shop.example.com:8443/"
                                + " -H 'Host: shop.example.com'" + STD),
                new Row(
                        "single quotes and shell metacharacters are quoted",
                        spec(
                                "https://203.0.113.10/",
                                "shop.example.com",
                                "GET",
                                List.of(new RequestHeader("X-Note", "it's \"$HOME\" `id` & more")),
                                true),
                        v4,
                        BASE + "--connect-to shop.example.com:443:203.0.113.10:443 https://shop.example.com/" + STD
                                + " -H 'X-Note: it'\\''s \"$HOME\" `id` & more'"));
    }

    /** Refused probes: the curl line depends on the spec and the connected address only. */
    private static ProbeBuilder spec(
            String url, String host, String method, List<RequestHeader> headers, boolean verify) {
        return ProbeBuilder.refused()
                .url(url)
                .host(host)
                .method(method)
                .headers(headers)
                .tlsVerify(verify);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void line(Row row) {
        ProbeResult connected = row.probe().connected(row.connected()).result();
        assertThat(new HarBuilder("t", Redactor.defaults()).curl(connected)).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkward")
    void quotingSurvivesTheShell(String arg) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "printf '%s' " + CurlCommand.quote(arg)).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(arg);
    }

    static Stream<String> awkward() {
        return Stream.of(
                "it's", "''", "a b", "$(id)", "`id`", "\"x\"", "back\\slash", "semi;colon", "*", "!bang", "\t");
    }

    /** The printed line, run by the real curl against lab origins, sends the same request head. */
    @Test
    void http2ProbeSaysHttp2AndLeavesPseudoFieldsToCurl() {
        io.originwatch.probe.ProbeSpec spec = spec("https://203.0.113.10/", "shop.example.com", "GET", List.of(), true)
                .spec();
        List<Har.Header> sent = List.of(
                new Har.Header(":method", "GET", null),
                new Har.Header(":authority", "shop.example.com", null),
                new Har.Header("user-agent", "originwatch/0.1.0", null));
        assertThat(CurlCommand.build(
                        spec,
                        new java.net.InetSocketAddress("203.0.113.10", 443),
                        sent,
                        Redactor.defaults(),
                        ProbeResult.HTTP_2))
                .isEqualTo("curl -sv -o /dev/null --http2 --connect-to shop.example.com:443:203.0.113.10:443"
                        + " https://shop.example.com/ -H 'user-agent: originwatch/0.1.0'");
    }

    @Test
    void realCurlRepeatsTheProbe() throws Exception {
        try (OriginLab lab = OriginLab.start()) {
            Prober prober = new Prober(h -> lab.lookup(h).orElseThrow(() -> new UnknownHostException(h)));
            for (String name : List.of("lab-ok", "lab-ok-https")) {
                LabOrigin o = lab.origins().stream()
                        .filter(x -> x.name().equals(name))
                        .findFirst()
                        .orElseThrow();
                ProbeResult r = prober.probe(
                        HarLabTest.specFor(lab, o, List.of(new RequestHeader("X-Note", "it's fine"))),
                        ProbeListener.NONE);
                assertThat(new Classifier().classify(r, Instant.now()).up()).isTrue();
                String curl = new HarBuilder("t", Redactor.defaults()).curl(r);
                String verbose = run(curl);
                assertThat(verbose).as(curl).contains("< HTTP/1.1 200 OK");
                String sent = new String(r.evidence().requestHead(), StandardCharsets.ISO_8859_1);
                for (String line : sent.split("\r\n")) {
                    assertThat(verbose)
                            .as("curl sent the probe's line %s", line)
                            .contains("> " + line);
                }
            }
        }
    }

    private static String run(String curl) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", curl + " --max-time 10");
        // loopback only: no proxy may take the request elsewhere
        Stream.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy")
                .forEach(pb.environment()::remove);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
