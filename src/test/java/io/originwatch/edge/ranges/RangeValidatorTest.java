package io.originwatch.edge.ranges;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.edge.cidr.Cidrs;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RangeValidatorTest {

    record Case(String name, List<String> entries, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> rejected() {
        return Stream.of(
                new Case("empty", List.of(), "empty list"),
                new Case(
                        "ipv4 default route",
                        List.of("104.16.0.0/13", "0.0.0.0/0"),
                        "entry 2: default route 0.0.0.0/0"),
                new Case("ipv6 default route", List.of("::/0"), "entry 1: default route ::/0"),
                new Case(
                        "private 10/8 inside",
                        List.of("10.1.0.0/16"),
                        "overlaps private/loopback/link-local range 10.0.0.0/8"),
                new Case(
                        "covers private",
                        List.of("172.0.0.0/8"),
                        "overlaps private/loopback/link-local range 172.16.0.0/12"),
                new Case("loopback", List.of("127.0.0.1"), "range 127.0.0.0/8"),
                new Case("link-local v4", List.of("169.254.10.0/24"), "range 169.254.0.0/16"),
                new Case("ipv6 loopback", List.of("::1/128"), "range ::1/128"),
                new Case("ipv6 unique local", List.of("fd00::/8"), "range fc00::/7"),
                new Case("ipv6 link-local", List.of("fe80::/64"), "range fe80::/10"),
                new Case("host bits set", List.of("104.16.0.1/13"), "host bits set in '104.16.0.1/13'"),
                new Case("garbage", List.of("104.16.0.0/13", "<html>"), "entry 2: not a CIDR: '<html>'"),
                new Case("inet_aton short form", List.of("104.16"), "not a CIDR: '104.16'"),
                new Case("prefix too long", List.of("104.16.0.0/33"), "not a CIDR"),
                new Case("octet out of range", List.of("104.300.0.0/16"), "not a CIDR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithReason(Case c) {
        Validation v = new RangeValidator(0.3).validate(c.entries(), null, false);
        assertThat(v)
                .isInstanceOfSatisfying(
                        Validation.Rejected.class, r -> assertThat(r.reason()).contains(c.reason()));
    }

    private static EdgeRanges previous(String... cidrs) {
        return EdgeRanges.of(
                "custom",
                "test",
                Instant.EPOCH,
                null,
                Stream.of(cidrs).map(Cidrs::parseOrThrow).toList());
    }

    @Test
    void sixtyPercentShrinkIsRejectedUnlessForced() {
        // five equal /16s, two remain: 60% of the addresses gone
        EdgeRanges before = previous("100.1.0.0/16", "100.2.0.0/16", "100.3.0.0/16", "100.4.0.0/16", "100.5.0.0/16");
        List<String> after = List.of("100.1.0.0/16", "100.2.0.0/16");
        assertThat(new RangeValidator(0.3).validate(after, before, false))
                .isInstanceOfSatisfying(
                        Validation.Rejected.class,
                        r -> assertThat(r.reason())
                                .isEqualTo(
                                        "IPv4 shrinks by 60% (limit 30%): 2 of 5 blocks remain; refresh with force to accept"));
        assertThat(new RangeValidator(0.3).validate(after, before, true)).isInstanceOf(Validation.Accepted.class);
    }

    @Test
    void shrinkAtTheLimitPassesAndAggregationIsNoShrink() {
        EdgeRanges before = previous(
                "100.0.0.0/24",
                "100.0.1.0/24",
                "100.0.2.0/24",
                "100.0.3.0/24",
                "100.0.4.0/24",
                "100.0.5.0/24",
                "100.0.6.0/24",
                "100.0.7.0/24",
                "100.0.8.0/24",
                "100.0.9.0/24");
        List<String> sevenLeft = List.of(
                "100.0.0.0/24",
                "100.0.1.0/24",
                "100.0.2.0/24",
                "100.0.3.0/24",
                "100.0.4.0/24",
                "100.0.5.0/24",
                "100.0.6.0/24");
        assertThat(new RangeValidator(0.3).validate(sevenLeft, before, false)).isInstanceOf(Validation.Accepted.class);
        assertThat(new RangeValidator(0.3).validate(sevenLeft.subList(0, 6), before, false))
                .isInstanceOf(Validation.Rejected.class);
        // the same space as one /21 + /23 is not a shrink even though there are fewer entries
        assertThat(new RangeValidator(0.3).validate(List.of("100.0.0.0/21", "100.0.8.0/23"), before, false))
                .isInstanceOf(Validation.Accepted.class);
    }

    @Test
    void ipv6ShrinkIsCheckedOnItsOwn() {
        EdgeRanges before = previous("100.1.0.0/16", "2400:cb00::/32", "2606:4700::/32");
        assertThat(new RangeValidator(0.3).validate(List.of("100.1.0.0/16", "2400:cb00::/32"), before, false))
                .isInstanceOfSatisfying(
                        Validation.Rejected.class, r -> assertThat(r.reason()).startsWith("IPv6 shrinks by 50%"));
    }

    @Test
    void bareAddressesBecomeHostBlocks() {
        assertThat(new RangeValidator(0.3).validate(List.of("198.51.100.7", "2001:db8::1"), null, false))
                .isInstanceOfSatisfying(
                        Validation.Accepted.class,
                        a -> assertThat(a.blocks())
                                .extracting(Object::toString)
                                .containsExactly("198.51.100.7/32", "2001:db8::1/128"));
    }
}
