package io.originwatch.edge.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.edge.Fixtures;
import io.originwatch.edge.cidr.AddressSets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every allowlist format from fixture files, good and malformed, and the format guess. */
class AllowlistParserTest {

    record Good(String name, String file, AllowlistFormat format, String chain, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Good> good() {
        return Stream.of(
                new Good(
                        "cidr with comments, bare address, host bits",
                        "good.cidr",
                        AllowlistFormat.CIDR,
                        null,
                        List.of(
                                "103.21.244.0/22",
                                "173.245.48.0/20",
                                "198.41.128.0/17",
                                "203.0.113.9/32",
                                "2400:cb00::/32")),
                new Good(
                        "nginx allow/deny first match and set_real_ip_from",
                        "good-nginx.conf",
                        AllowlistFormat.NGINX,
                        null,
                        List.of(
                                "103.21.244.0/25",
                                "103.21.245.0/24",
                                "103.21.246.0/23",
                                "173.245.48.0/20",
                                "198.41.128.0/17",
                                "2400:cb00::/32")),
                new Good(
                        "apache Require ip, partial address, not skipped",
                        "good-apache.conf",
                        AllowlistFormat.APACHE,
                        null,
                        List.of("103.21.244.0/22", "173.245.48.0/20", "198.51.0.0/16", "2400:cb00::/32")),
                new Good(
                        "iptables-save named chain",
                        "good-iptables.rules",
                        AllowlistFormat.IPTABLES,
                        "cloudflare",
                        List.of("103.21.244.0/22", "173.245.48.0/20", "198.41.128.0/17")),
                new Good(
                        "iptables-save INPUT chain",
                        "good-iptables.rules",
                        AllowlistFormat.IPTABLES,
                        "INPUT",
                        List.of("203.0.113.0/24")),
                new Good(
                        "ip6tables-save",
                        "good-ip6tables.rules",
                        AllowlistFormat.IPTABLES,
                        "cloudflare",
                        List.of("2400:cb00::/32", "2606:4700::/32")),
                new Good(
                        "nftables sets over several lines with a range",
                        "good.nft",
                        AllowlistFormat.NFTABLES,
                        null,
                        List.of(
                                "103.21.244.0/22",
                                "173.245.48.0/20",
                                "198.41.128.0/17",
                                "203.0.113.10/31",
                                "203.0.113.12/31",
                                "2400:cb00::/32")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void readsFixture(Good g) throws AllowlistParseException {
        String content = Fixtures.read("/edge/allowlists/" + g.file());
        List<String> got = AddressSets.union(
                        AllowlistParser.parse(g.file(), content, g.format(), g.chain() == null ? "INPUT" : g.chain()))
                .stream()
                .map(Object::toString)
                .toList();
        assertThat(got).isEqualTo(g.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void guessesTheFormat(Good g) {
        assertThat(AllowlistFormat.guess(Fixtures.read("/edge/allowlists/" + g.file())))
                .isEqualTo(g.format());
    }

    record Bad(String file, AllowlistFormat format, String chain, String message) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad("bad.cidr", AllowlistFormat.CIDR, "INPUT", "bad.cidr:2: not a CIDR: '103.21.244.0/222'"),
                new Bad(
                        "bad-nginx-semicolon.conf",
                        AllowlistFormat.NGINX,
                        "INPUT",
                        "bad-nginx-semicolon.conf:2: missing ';': 'allow 103.21.244.0/22'"),
                new Bad(
                        "bad-nginx-address.conf",
                        AllowlistFormat.NGINX,
                        "INPUT",
                        "bad-nginx-address.conf:2: not a CIDR: 'cloudflare': 'set_real_ip_from cloudflare;'"),
                new Bad(
                        "bad-apache.conf",
                        AllowlistFormat.APACHE,
                        "INPUT",
                        "bad-apache.conf:2: not a CIDR: 'foo.example': 'Require ip 103.21.244.0/22 foo.example'"),
                new Bad(
                        "bad-iptables.rules",
                        AllowlistFormat.IPTABLES,
                        "INPUT",
                        "bad-iptables.rules:4: not a CIDR: '999.1.1.1/32'"),
                new Bad(
                        "good-iptables.rules",
                        AllowlistFormat.IPTABLES,
                        "nosuch",
                        "good-iptables.rules: no rule for chain 'nosuch'"),
                new Bad(
                        "bad-nft-unclosed.nft",
                        AllowlistFormat.NFTABLES,
                        "INPUT",
                        "bad-nft-unclosed.nft: 'elements = {' not closed by '}'"),
                new Bad(
                        "bad-nft-range.nft",
                        AllowlistFormat.NFTABLES,
                        "INPUT",
                        "bad-nft-range.nft:3: range mixes IPv4 and IPv6"),
                new Bad(
                        "good.cidr",
                        AllowlistFormat.NFTABLES,
                        "INPUT",
                        "good.cidr: no 'elements = { ... }' set found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void namesFileLineAndText(Bad b) {
        String content = Fixtures.read("/edge/allowlists/" + b.file());
        assertThatThrownBy(() -> AllowlistParser.parse(b.file(), content, b.format(), b.chain()))
                .isInstanceOf(AllowlistParseException.class)
                .hasMessageContaining(b.message());
    }

    @Test
    void plainTextFallsBackToCidr() {
        assertThat(AllowlistFormat.guess("")).isEqualTo(AllowlistFormat.CIDR);
        assertThat(AllowlistFormat.guess("# nothing\n2400:cb00::/32\n")).isEqualTo(AllowlistFormat.CIDR);
    }
}
