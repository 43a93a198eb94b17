package io.originwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.origin.Origin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line to an origin: each option lands on its config key and is validated there. */
class CheckOptionsTest {

    private static Origin origin(String... args) {
        return CheckOrigins.fromOptions(CheckOptions.parse(args), "originwatch/test");
    }

    @Test
    void everyOptionReachesTheProbeSpec() {
        Origin o = origin(
                "https://203.0.113.10:8443/healthz?x=1",
                "--host",
                "Shop.Example.com",
                "--method=head",
                "--header",
                "X-Trace: abc",
                "--header",
                "Accept-Language:de",
                "--header-limit",
                "16384",
                "--connect-timeout",
                "5s",
                "--response-timeout",
                "500ms",
                "--expect-status",
                "200,301-302",
                "--insecure",
                "--tls-profile",
                "jdk",
                "--via-edge",
                "https://shop.example.com/healthz");

        assertThat(o.name()).isEqualTo("shop.example.com");
        var spec = o.spec();
        assertThat(spec.url().toString()).isEqualTo("https://203.0.113.10:8443/healthz?x=1");
        assertThat(spec.host()).isEqualTo("Shop.Example.com");
        assertThat(spec.method()).isEqualTo("HEAD");
        assertThat(spec.headers())
                .extracting(h -> h.name() + "=" + h.value())
                .containsExactlyInAnyOrder("X-Trace=abc", "Accept-Language=de");
        assertThat(spec.headerLimitBytes()).isEqualTo(16384);
        assertThat(spec.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.responseTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(spec.expectStatus().contains(301)).isTrue();
        assertThat(spec.expectStatus().contains(200)).isTrue();
        assertThat(spec.expectStatus().contains(204)).isFalse();
        assertThat(spec.tlsVerify()).isFalse();
        assertThat(spec.tlsProfile()).isEqualTo(io.originwatch.probe.TlsProfile.JDK);
        assertThat(spec.userAgent()).isEqualTo("originwatch/test");
        assertThat(o.viaEdge().url().toString()).isEqualTo("https://shop.example.com/healthz");
        assertThat(o.viaEdge().host()).isEqualTo("shop.example.com");
        assertThat(o.viaEdge().tlsVerify())
                .as("the edge's certificate is always verified")
                .isTrue();
    }

    @Test
    void withoutOptionsTheDaemonsDefaultsApply() {
        var spec = origin("http://127.0.0.1/").spec();

        assertThat(spec.host()).isEqualTo("127.0.0.1");
        assertThat(spec.method()).isEqualTo("GET");
        assertThat(spec.headerLimitBytes()).isEqualTo(8 * 1024);
        assertThat(spec.connectTimeout()).isEqualTo(Duration.ofSeconds(19));
        assertThat(spec.responseTimeout()).isEqualTo(Duration.ofSeconds(125));
        assertThat(spec.tlsVerify()).isTrue();
        assertThat(spec.tlsTrust()).isEqualTo(io.originwatch.probe.TlsTrust.ADD);
        assertThat(spec.tlsProfile()).isEqualTo(io.originwatch.probe.TlsProfile.EDGE);
    }

    @Test
    void jsonHarAndConfigAreTheCommandsOwn() {
        CheckOptions o = CheckOptions.parse(new String[] {"http://127.0.0.1/", "--json", "--har", "out.har"});
        assertThat(o.json()).isTrue();
        assertThat(o.har()).isEqualTo(Path.of("out.har"));
        assertThat(CheckOptions.parse(new String[] {"--config", "o.yaml"}).config())
                .isEqualTo(Path.of("o.yaml"));
    }

    record Bad(String name, List<String> args, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad("no url", List.of(), "URL: required"),
                new Bad("two urls", List.of("http://a/", "http://b/"), "URL: one URL only"),
                new Bad("unknown", List.of("http://a/", "--verbose"), "--verbose: unknown option"),
                new Bad("twice", List.of("http://a/", "--host", "a", "--host", "b"), "--host: given twice"),
                new Bad("no value", List.of("http://a/", "--header-limit"), "--header-limit: needs a value"),
                new Bad("option as value", List.of("http://a/", "--host", "--json"), "--host: needs a value"),
                new Bad("flag with value", List.of("http://a/", "--json=yes"), "--json: takes no value"),
                new Bad("header shape", List.of("http://a/", "--header", "nocolon"), "--header: must be NAME:VALUE"),
                new Bad("har with config", List.of("--config", "f", "--har", "x"), "--har: one probe's HAR"),
                new Bad("options with config", List.of("--config", "f", "--host", "x"), "--config: origin options"),
                new Bad("header limit", List.of("http://a/", "--header-limit", "0"), "--header-limit: must be a whole"),
                new Bad(
                        "timeout",
                        List.of("http://a/", "--response-timeout", "0s"),
                        "--response-timeout: must be at least 1ms"),
                new Bad("status", List.of("http://a/", "--expect-status", "200-999"), "--expect-status: "),
                new Bad(
                        "trust-ca",
                        List.of("https://a/", "--trust-ca", "/nonexistent.pem"),
                        "--trust-ca: no readable PEM file"),
                new Bad(
                        "host header",
                        List.of("http://a/", "--header", "Host: b"),
                        "--header Host: set the Host header with the host key"),
                new Bad(
                        "header name",
                        List.of("http://a/", "--header", "Bad Name: x"),
                        "--header Bad Name: not a valid header name"),
                new Bad(
                        "edge url",
                        List.of("http://a/", "--via-edge", "shop.example.com"),
                        "--via-edge: scheme must be http or https"),
                new Bad(
                        "http version",
                        List.of("https://a/", "--http-version", "3"),
                        "--http-version: must be auto, \"1.1\" or \"2\", got \"3\""),
                new Bad("h2c", List.of("http://a/", "--http-version", "2"), "--http-version: "),
                new Bad(
                        "replace without trust-ca",
                        List.of("https://a/", "--tls-trust", "replace"),
                        "--tls-trust: replace needs a trust-ca"),
                new Bad(
                        "tls profile",
                        List.of("https://a/", "--tls-profile", "cloudflare"),
                        "--tls-profile: must be edge or jdk, got \"cloudflare\""),
                new Bad("user info", List.of("http://u:p@a/"), "URL: must not carry user info"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void aBadOptionIsNamedInTheError(Bad bad) {
        assertThatThrownBy(() -> origin(bad.args().toArray(String[]::new)))
                .isInstanceOf(UsageException.class)
                .satisfies(e -> assertThat(((UsageException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith(bad.message())));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(
                        () -> origin("http://a/", "--header-limit", "x", "--method", "PUT", "--connect-timeout", "y"))
                .isInstanceOf(UsageException.class)
                .satisfies(e -> assertThat(((UsageException) e).problems()).hasSize(3));
    }
}
