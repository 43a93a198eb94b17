package io.originwatch.edge.ranges;

import static io.originwatch.edge.Fixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.edge.Fixtures;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RangeParsersTest {

    record Case(String name, RangeParser parser, String fixture, int count, String first, String last, String version) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> formats() {
        return Stream.of(
                new Case(
                        "cloudflare api",
                        new CloudflareJsonParser(JSON, false),
                        "cloudflare-api.json",
                        22,
                        "173.245.48.0/20",
                        "2c0f:f248::/32",
                        "38f79d050aa027e3be3865e495dcc9bc"),
                new Case(
                        "cloudflare api with jdcloud",
                        new CloudflareJsonParser(JSON, true),
                        "cloudflare-api-jdcloud.json",
                        5,
                        "173.245.48.0/20",
                        "2402:db40:5100::/48",
                        "fb21705459fea38d23b210ee7d67b753"),
                new Case(
                        "cloudflare api, jdcloud not wanted",
                        new CloudflareJsonParser(JSON, false),
                        "cloudflare-api-jdcloud.json",
                        3,
                        "173.245.48.0/20",
                        "2400:cb00::/32",
                        "fb21705459fea38d23b210ee7d67b753"),
                new Case(
                        "cloudflare ips-v4",
                        new LineListParser(),
                        "ips-v4",
                        15,
                        "173.245.48.0/20",
                        "131.0.72.0/22",
                        null),
                new Case(
                        "cloudflare ips-v6",
                        new LineListParser(),
                        "ips-v6",
                        7,
                        "2400:cb00::/32",
                        "2c0f:f248::/32",
                        null),
                new Case(
                        "fastly",
                        new FastlyJsonParser(JSON),
                        "fastly.json",
                        21,
                        "23.235.32.0/20",
                        "2a04:4e42::/32",
                        null),
                new Case(
                        "cloudfront origin facing",
                        new CloudFrontJsonParser(JSON, "CLOUDFRONT_ORIGIN_FACING"),
                        "ip-ranges.json",
                        2,
                        "13.113.196.64/26",
                        "3.231.2.0/25",
                        "1732300000"),
                new Case(
                        "cloudfront",
                        new CloudFrontJsonParser(JSON, "CLOUDFRONT"),
                        "ip-ranges.json",
                        3,
                        "13.32.0.0/15",
                        "2600:9000::/28",
                        "1732300000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void parsesRealFormat(Case c) throws RangeParseException {
        ParsedList p = c.parser().parse(Fixtures.read("/edge/ranges/" + c.fixture()));
        assertThat(p.entries()).hasSize(c.count());
        assertThat(p.entries().getFirst()).isEqualTo(c.first());
        assertThat(p.entries().getLast()).isEqualTo(c.last());
        assertThat(p.version()).isEqualTo(c.version());
    }

    record Bad(String name, RangeParser parser, String body, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badBodies() {
        String html = Fixtures.read("/edge/ranges/error-page.html");
        return Stream.of(
                new Bad("html page as json", new CloudflareJsonParser(JSON, false), html, "cloudflare: not JSON"),
                new Bad("html page as text list", new LineListParser(), html, "line 1: not a CIDR: '<!DOCTYPE html>'"),
                new Bad("empty json body", new FastlyJsonParser(JSON), "", "fastly: empty body"),
                new Bad("empty text body", new LineListParser(), "\n", "empty body"),
                new Bad(
                        "cloudflare success false",
                        new CloudflareJsonParser(JSON, false),
                        "{\"success\":false,\"errors\":[{\"code\":10000}],\"result\":null}",
                        "success=false"),
                new Bad(
                        "cloudflare missing ipv6",
                        new CloudflareJsonParser(JSON, false),
                        "{\"success\":true,\"result\":{\"ipv4_cidrs\":[\"1.1.1.0/24\"]}}",
                        "result.ipv6_cidrs: missing"),
                new Bad(
                        "jdcloud wanted but absent",
                        new CloudflareJsonParser(JSON, true),
                        Fixtures.read("/edge/ranges/cloudflare-api.json"),
                        "result.jdcloud_cidrs: missing"),
                new Bad(
                        "fastly number entry",
                        new FastlyJsonParser(JSON),
                        "{\"addresses\":[\"1.1.1.0/24\", 7],\"ipv6_addresses\":[]}",
                        "$.addresses[1]: not a string"),
                new Bad(
                        "cloudfront without prefixes",
                        new CloudFrontJsonParser(JSON, "CLOUDFRONT"),
                        "{\"syncToken\":\"1\"}",
                        "prefixes missing"),
                new Bad("json array instead of object", new FastlyJsonParser(JSON), "[]", "not a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void rejectsWithReason(Bad b) {
        assertThatThrownBy(() -> b.parser().parse(b.body()))
                .isInstanceOf(RangeParseException.class)
                .hasMessageContaining(b.message());
    }

    @Test
    void cloudflareUrlPathChoosesTheParser() {
        assertThat(Provider.CLOUDFLARE.parserFor(URI.create("https://www.cloudflare.com/ips-v4"), false, "", JSON))
                .isInstanceOf(LineListParser.class);
        assertThat(Provider.CLOUDFLARE.parserFor(
                        URI.create("https://api.cloudflare.com/client/v4/ips"), false, "", JSON))
                .isInstanceOf(CloudflareJsonParser.class);
        assertThat(Provider.CLOUDFLARE.defaultUrls(true))
                .containsExactly(URI.create("https://api.cloudflare.com/client/v4/ips?networks=jdcloud"));
        assertThat(Provider.CUSTOM.defaultUrls(false)).isEqualTo(List.of());
    }
}
