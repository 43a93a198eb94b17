package io.originwatch.edge.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.BruteForce;
import io.originwatch.edge.cidr.Cidrs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Drift math checked against {@link BruteForce}, which enumerates every address. */
class DriftTest {

    record Case(
            String name,
            List<String> published,
            List<String> allowlist,
            List<String> ignore,
            int expectedMissingBlocks,
            int expectedExtraBlocks) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("exact match", List.of("198.18.0.0/24"), List.of("198.18.0.0/24"), List.of(), 0, 0),
                new Case("half covered", List.of("198.18.0.0/22"), List.of("198.18.0.0/23"), List.of(), 1, 0),
                new Case(
                        "adjacent allow blocks cover a larger range",
                        List.of("198.18.0.0/23"),
                        List.of("198.18.0.0/24", "198.18.1.0/24"),
                        List.of(),
                        0,
                        0),
                new Case(
                        "overlapping allow blocks",
                        List.of("198.18.0.0/22"),
                        List.of("198.18.0.0/23", "198.18.1.0/24", "198.18.1.128/25"),
                        List.of(),
                        1,
                        0),
                new Case("hole in the middle", List.of("198.18.0.0/22"), List.of("198.18.1.64/26"), List.of(), 4, 0),
                new Case(
                        "allow spills over both ends",
                        List.of("198.18.1.0/24"),
                        List.of("198.18.0.0/22"),
                        List.of(),
                        0,
                        2),
                new Case(
                        "adjacent published blocks, partial allow",
                        List.of("198.18.0.0/24", "198.18.1.0/24"),
                        List.of("198.18.0.128/25", "198.18.1.0/25"),
                        List.of(),
                        2,
                        0),
                new Case(
                        "extra outside, partly ignored",
                        List.of("198.18.0.0/24"),
                        List.of("198.18.0.0/24", "203.0.113.0/24"),
                        List.of("203.0.113.0/25"),
                        0,
                        1),
                new Case(
                        "ignore fully covers extra",
                        List.of("198.18.0.0/24"),
                        List.of("198.18.0.0/24", "203.0.113.7"),
                        List.of("203.0.113.0/24"),
                        0,
                        0),
                new Case("empty allowlist", List.of("198.18.0.0/24", "198.18.2.0/23"), List.of(), List.of(), 2, 0),
                new Case("ipv6 partial", List.of("2001:db8::/118"), List.of("2001:db8::100/120"), List.of(), 2, 0),
                new Case(
                        "ipv6 overlaps and extra",
                        List.of("2001:db8::/120", "2001:db8::200/120"),
                        List.of("2001:db8::/121", "2001:db8::80/122", "2001:db8::180/121", "2001:db8:1::/126"),
                        List.of(),
                        2,
                        2),
                new Case(
                        "mixed families",
                        List.of("198.18.0.0/24", "2001:db8::/120"),
                        List.of("198.18.0.0/25", "2001:db8::/121", "2001:db8::1:0/124"),
                        List.of("2001:db8::1:8/125"),
                        2,
                        1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesBruteForce(Case c) {
        Drift d = Drift.between(blocks(c.published()), blocks(c.allowlist()), blocks(c.ignore()));
        assertAgreesWithBruteForce(c.published(), c.allowlist(), c.ignore(), d);
        assertThat(d.missing()).as("missing %s", d.missing()).hasSize(c.expectedMissingBlocks());
        assertThat(d.extra()).as("extra %s", d.extra()).hasSize(c.expectedExtraBlocks());
    }

    @Test
    void randomListsAgreeWithBruteForce() {
        Random rnd = new Random(20261123);
        for (int trial = 0; trial < 300; trial++) {
            List<String> pub = randomBlocks(rnd, 1 + rnd.nextInt(5));
            List<String> allow = randomBlocks(rnd, rnd.nextInt(7));
            List<String> ignore = randomBlocks(rnd, rnd.nextInt(3));
            Drift d = Drift.between(blocks(pub), blocks(allow), blocks(ignore));
            assertAgreesWithBruteForce(pub, allow, ignore, d);
        }
    }

    @Test
    void slash13CoveredByOneSlash14LeavesTheOtherSlash14() {
        Drift d = Drift.between(blocks(List.of("104.16.0.0/13")), blocks(List.of("104.20.0.0/14")), List.of());
        assertThat(d.missing()).extracting(Object::toString).containsExactly("104.16.0.0/14");
        assertThat(d.extra()).isEmpty();
        assertThat(d.missingIpv4Addresses()).isEqualTo(BigInteger.valueOf(1 << 18));
    }

    /** Random blocks from /22 to /30 (and IPv6 /118 to /126) inside a small space, so they collide often. */
    private static List<String> randomBlocks(Random rnd, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(4) == 0) {
                int prefix = 118 + rnd.nextInt(9);
                int offset = rnd.nextInt(4096) & ~((1 << (128 - prefix)) - 1);
                out.add(String.format("2001:db8::%x/%d", offset, prefix));
            } else {
                int prefix = 22 + rnd.nextInt(9);
                int offset = rnd.nextInt(4096) & ~((1 << (32 - prefix)) - 1);
                out.add(String.format("198.18.%d.%d/%d", offset >> 8, offset & 0xff, prefix));
            }
        }
        return out;
    }

    private static List<IPAddress> blocks(List<String> cidrs) {
        return cidrs.stream().map(c -> Cidrs.parse(c, true)).toList();
    }

    private static void assertAgreesWithBruteForce(List<String> pub, List<String> allow, List<String> ignore, Drift d) {
        Set<BigInteger> p = BruteForce.addresses(pub);
        Set<BigInteger> a = BruteForce.addresses(allow);
        Set<BigInteger> expectedMissing = BruteForce.minus(p, a);
        Set<BigInteger> expectedExtra = BruteForce.minus(BruteForce.minus(a, p), BruteForce.addresses(ignore));
        String ctx = "published=" + pub + " allow=" + allow + " ignore=" + ignore;
        List<String> missing = d.missing().stream().map(Object::toString).toList();
        List<String> extra = d.extra().stream().map(Object::toString).toList();
        assertThat(BruteForce.addresses(missing))
                .as("missing addresses, " + ctx)
                .isEqualTo(expectedMissing);
        assertThat(BruteForce.addresses(extra)).as("extra addresses, " + ctx).isEqualTo(expectedExtra);
        assertThat(missing).as("missing is minimal, " + ctx).hasSize(BruteForce.minimalBlockCount(expectedMissing));
        assertThat(extra).as("extra is minimal, " + ctx).hasSize(BruteForce.minimalBlockCount(expectedExtra));
        long v4Missing =
                expectedMissing.stream().filter(x -> x.bitLength() <= 32).count();
        assertThat(d.missingIpv4Addresses()).as("missing IPv4 count, " + ctx).isEqualTo(BigInteger.valueOf(v4Missing));
    }
}
