package io.originwatch.edge.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.cidr.Cidrs;
import io.originwatch.edge.ranges.EdgeRanges;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AllowlistMonitorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private static List<IPAddress> cidrs(String... s) {
        return List.of(s).stream().map(c -> Cidrs.parse(c, true)).toList();
    }

    private static EdgeRanges ranges(String... s) {
        return EdgeRanges.of("custom", "test", CLOCK.instant(), null, cidrs(s));
    }

    /** An in-memory source that counts reads and can be made to fail. */
    static final class Fake implements AllowlistSource {
        List<IPAddress> entries;
        String failure;
        final AtomicInteger reads = new AtomicInteger();

        Fake(List<IPAddress> entries) {
            this.entries = entries;
        }

        public String describe() {
            return "fake";
        }

        public List<IPAddress> read() throws AllowlistParseException {
            reads.incrementAndGet();
            if (failure != null) {
                throw new AllowlistParseException(failure);
            }
            return entries;
        }
    }

    @Test
    void statesPerAllowlistAndOneFailureDoesNotStopTheOthers() {
        Fake exact = new Fake(cidrs("104.16.0.0/13", "2400:cb00::/32"));
        Fake partial = new Fake(cidrs("104.20.0.0/14", "2400:cb00::/33", "198.51.100.0/24", "203.0.113.5"));
        Fake broken = new Fake(List.of());
        broken.failure = "cf.conf:3: not a CIDR: 'x'";
        List<AllowlistStatus> seen = new ArrayList<>();
        AllowlistMonitor m = new AllowlistMonitor(
                List.of(
                        new AllowlistDefinition("exact", exact, List.of()),
                        new AllowlistDefinition("partial", partial, cidrs("203.0.113.0/24")),
                        new AllowlistDefinition("broken", broken, List.of())),
                new AllowlistListener() {
                    @Override
                    public void checked(AllowlistStatus status) {
                        seen.add(status);
                    }
                },
                CLOCK);

        List<AllowlistStatus> st = m.check(ranges("104.16.0.0/13", "2400:cb00::/32"));
        assertThat(st)
                .extracting(AllowlistStatus::state)
                .containsExactly(AllowlistStatus.State.OK, AllowlistStatus.State.DRIFT, AllowlistStatus.State.ERROR);
        AllowlistStatus p = st.get(1);
        assertThat(p.missing()).extracting(Object::toString).containsExactly("104.16.0.0/14", "2400:cb00:8000::/33");
        assertThat(p.extra()).extracting(Object::toString).containsExactly("198.51.100.0/24");
        assertThat(p.missingIpv4Addresses()).hasToString("262144");
        assertThat(st.get(2).error()).isEqualTo("cf.conf:3: not a CIDR: 'x'");
        assertThat(seen).hasSize(3);
    }

    @Test
    void recomputesWhenEitherSideChanges() {
        Fake src = new Fake(cidrs("104.16.0.0/13"));
        AllowlistMonitor m = new AllowlistMonitor(
                List.of(new AllowlistDefinition("a", src, List.of())), AllowlistListener.NONE, CLOCK);
        assertThat(m.check(ranges("104.16.0.0/13")).getFirst().state()).isEqualTo(AllowlistStatus.State.OK);
        assertThat(m.check(ranges("104.16.0.0/13", "172.64.0.0/13")).getFirst().missing())
                .extracting(Object::toString)
                .containsExactly("172.64.0.0/13");
        src.entries = cidrs("104.16.0.0/13", "172.64.0.0/13");
        assertThat(m.check(ranges("104.16.0.0/13", "172.64.0.0/13")).getFirst().state())
                .isEqualTo(AllowlistStatus.State.OK);
        src.failure = "gone";
        assertThat(m.check(ranges("104.16.0.0/13")).getFirst().state()).isEqualTo(AllowlistStatus.State.ERROR);
        assertThat(m.check(null).getFirst().error()).isEqualTo("gone");
        src.failure = null;
        assertThat(m.check(null).getFirst().error())
                .isEqualTo("no edge ranges known yet (no fetch, cache or snapshot)");
    }

    @Test
    void suggestionCoversRangesPlusIgnoreInEveryFormat() {
        EdgeRanges r = ranges("104.16.0.0/13", "104.24.0.0/14", "2400:cb00::/32");
        AllowlistDefinition d = new AllowlistDefinition("web", new Fake(List.of()), cidrs("203.0.113.0/24"));
        List<IPAddress> s = FixFormat.suggestion(r, d);
        assertThat(s)
                .extracting(Object::toString)
                .containsExactly("104.16.0.0/13", "104.24.0.0/14", "203.0.113.0/24", "2400:cb00::/32");
        String nginx = FixFormat.NGINX.render("web", r, s, "INPUT");
        assertThat(nginx)
                .endsWith("allow 104.16.0.0/13;\nallow 104.24.0.0/14;\nallow 203.0.113.0/24;\n"
                        + "allow 2400:cb00::/32;\ndeny all;\n");
        assertThat(FixFormat.CIDR.render("web", r, s, "INPUT")).endsWith("203.0.113.0/24\n2400:cb00::/32\n");
        assertThat(FixFormat.APACHE.render("web", r, s, "INPUT")).contains("Require ip 104.24.0.0/14\n");
        String ipt = FixFormat.IPTABLES.render("web", r, s, "cloudflare");
        assertThat(ipt)
                .contains("# iptables-save (IPv4)\n-A cloudflare -s 104.16.0.0/13 -j ACCEPT\n")
                .endsWith("# ip6tables-save (IPv6)\n-A cloudflare -s 2400:cb00::/32 -j ACCEPT\n");
    }

    @Test
    void renderedSuggestionsReadBackWithoutDrift() throws AllowlistParseException {
        EdgeRanges r = ranges("104.16.0.0/13", "172.64.0.0/13", "131.0.72.0/22", "2606:4700::/32");
        AllowlistDefinition d = new AllowlistDefinition("web", new Fake(List.of()), cidrs("198.51.100.0/24"));
        List<IPAddress> s = FixFormat.suggestion(r, d);
        for (FixFormat f : FixFormat.values()) {
            String text = f.render("web", r, s, "INPUT");
            List<IPAddress> back = AllowlistParser.parse("suggested", text, AllowlistFormat.valueOf(f.name()), "INPUT");
            Drift drift = Drift.between(r.all(), back, d.ignore());
            assertThat(drift.none())
                    .as("%s suggestion has no drift: %s", f, drift)
                    .isTrue();
            assertThat(AllowlistFormat.guess(text)).as("guess for %s", f).isEqualTo(AllowlistFormat.valueOf(f.name()));
        }
    }
}
