package io.originwatch.edge.ranges;

import static io.originwatch.edge.ranges.RangeServer.Script;
import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.edge.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refresh, validation, persistence and fallback against real HTTP on loopback. */
class EdgeRangeServiceTest {

    @TempDir
    Path cacheDir;

    RangeServer server;
    final List<String> events = new ArrayList<>();
    final EdgeRangeListener recorder = new EdgeRangeListener() {
        @Override
        public void loaded(EdgeRanges ranges) {
            events.add("loaded " + ranges.source());
        }

        @Override
        public void refreshed(String provider, RefreshOutcome outcome) {
            events.add(provider + " " + outcome.result());
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = new RangeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EdgeRangeService service(Provider provider, String... paths) {
        List<URI> urls = List.of(paths).stream().map(server::url).toList();
        RangeSettings s = new RangeSettings(
                provider,
                urls,
                false,
                CloudFrontJsonParser.DEFAULT_SERVICE,
                0.3,
                cacheDir,
                Duration.ofHours(12),
                Duration.ofSeconds(5));
        return new EdgeRangeService(s, Fixtures.JSON, recorder, Clock.systemUTC());
    }

    private static String json(String file) {
        return Fixtures.read("/edge/ranges/" + file);
    }

    @Test
    void cloudflareApiThenNotModified() {
        server.serve("/client/v4/ips", Script.json(json("cloudflare-api.json"), "\"v1\""));
        EdgeRangeService svc = service(Provider.CLOUDFLARE, "/client/v4/ips");
        RefreshOutcome first = svc.refresh(false);
        assertThat(first).isInstanceOfSatisfying(RefreshOutcome.Updated.class, u -> {
            assertThat(u.ranges().ipv4()).hasSize(15);
            assertThat(u.ranges().ipv6()).hasSize(7);
            assertThat(u.ranges().etag()).isEqualTo("38f79d050aa027e3be3865e495dcc9bc");
            assertThat(u.diff().added()).hasSize(22);
        });
        assertThat(svc.refresh(false)).isInstanceOf(RefreshOutcome.Unchanged.class);
        assertThat(server.conditionsSeen).containsExactly("", "\"v1\"");
        assertThat(events).containsExactly("cloudflare updated", "cloudflare unchanged");
        assertThat(svc.stale()).isFalse();
    }

    /** Cluster mode: a list another member fetched goes through this member's validation, not its counters. */
    @Test
    void aListAnotherMemberFetchedIsValidatedGuardedAndPersistedButNotCounted() {
        List<String> twenty = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "198." + i + ".0.0/16")
                .toList();
        EdgeRangeService svc = service(Provider.CUSTOM, "/ips");
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        EdgeRangeService.LastRefresh last = new EdgeRangeService.LastRefresh(at, new RefreshOutcome.Unchanged(null));

        assertThat(svc.adopt("10.0.0.11:5701", "custom", "http://feed/ips", at, "e1", twenty, false, last))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Updated.class,
                        u -> assertThat(u.diff().added()).hasSize(20));
        assertThat(svc.current().fetchedAt()).isEqualTo(at);
        assertThat(svc.current().etag()).isEqualTo("e1");
        assertThat(svc.lastRefresh()).contains(last);
        assertThat(events).as("loaded, never a refresh counted").containsExactly("loaded http://feed/ips");
        assertThat(server.conditionsSeen).as("nothing fetched").isEmpty();

        // the same list again: nothing changes
        assertThat(svc.adopt("10.0.0.11:5701", "custom", "http://feed/ips", at, "e1", twenty, false, last))
                .isInstanceOf(RefreshOutcome.Unchanged.class);
        // a 90 % shrink, not forced on the fetching member: refused here too, the list stays
        Instant later = at.plusSeconds(60);
        assertThat(svc.adopt(
                        "10.0.0.11:5701", "custom", "http://feed/ips", later, "e2", twenty.subList(0, 2), false, last))
                .isInstanceOf(RefreshOutcome.Rejected.class);
        assertThat(svc.current().all()).hasSize(20);
        // another provider's list: refused
        assertThat(svc.adopt("10.0.0.11:5701", "fastly", "http://feed/ips", later, "e2", twenty, false, last))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Rejected.class,
                        r -> assertThat(r.reason()).contains("fastly").contains("custom"));
        // an older list than the one in force: not taken
        assertThat(svc.adopt(
                        "10.0.0.11:5701",
                        "custom",
                        "http://feed/ips",
                        at.minusSeconds(60),
                        "e0",
                        twenty.subList(0, 19),
                        false,
                        last))
                .isInstanceOf(RefreshOutcome.Unchanged.class);
        assertThat(svc.current().all()).hasSize(20);
        // forced on the fetching member: the guard is skipped here as well
        assertThat(svc.adopt(
                        "10.0.0.11:5701", "custom", "http://feed/ips", later, "e2", twenty.subList(0, 2), true, last))
                .isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(svc.current().all()).hasSize(2);

        // persisted: a restart loads it from this member's cache
        EdgeRangeService restarted = service(Provider.CUSTOM, "/ips");
        restarted.start();
        assertThat(restarted.current().all()).hasSize(2);
        assertThat(restarted.current().etag()).isEqualTo("e2");
    }

    @Test
    void cloudflareTextListsAreCombined() {
        server.serve("/ips-v4", Script.text(json("ips-v4"))).serve("/ips-v6", Script.text(json("ips-v6")));
        EdgeRangeService svc = service(Provider.CLOUDFLARE, "/ips-v4", "/ips-v6");
        assertThat(svc.refresh(false)).isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(svc.current().ipv4()).hasSize(15);
        assertThat(svc.current().ipv6()).hasSize(7);
        // same content again, no ETag support: the refresh confirms, nothing changes
        assertThat(svc.refresh(false)).isInstanceOf(RefreshOutcome.Unchanged.class);
    }

    @Test
    void partialNotModifiedRefetchesTheUnchangedList() {
        server.serve("/ips-v4", new Script(200, "text/plain", "104.16.0.0/13\n", "\"a\""))
                .serve("/ips-v6", new Script(200, "text/plain", "2400:cb00::/32\n", "\"b\""));
        EdgeRangeService svc = service(Provider.CLOUDFLARE, "/ips-v4", "/ips-v6");
        svc.refresh(false);
        server.serve("/ips-v4", new Script(200, "text/plain", "104.16.0.0/13\n172.64.0.0/13\n", "\"a2\""));
        assertThat(svc.refresh(false)).isInstanceOfSatisfying(RefreshOutcome.Updated.class, u -> {
            assertThat(u.diff().added()).extracting(Object::toString).containsExactly("172.64.0.0/13");
            assertThat(u.diff().removed()).isEmpty();
            assertThat(u.ranges().ipv6()).extracting(Object::toString).containsExactly("2400:cb00::/32");
        });
        // first round unconditional, second conditional on both, then /ips-v6 again without a condition
        assertThat(server.conditionsSeen).containsExactly("", "", "\"a\"", "\"b\"", "");
    }

    @Test
    void notModifiedToAnUnconditionalRequestIsAFailure() {
        server.serve("/ranges", new Script(304, "text/plain", "", null));
        EdgeRangeService svc = service(Provider.CUSTOM, "/ranges");
        assertThat(svc.refresh(false))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Failed.class,
                        f -> assertThat(f.reason()).startsWith("304 from http://127.0.0.1:"));
        assertThat(svc.current()).isNull();
    }

    @Test
    void fastlyAndCloudFrontFormats() {
        server.serve("/public-ip-list", Script.json(json("fastly.json"), null))
                .serve("/ip-ranges.json", Script.json(json("ip-ranges.json"), "\"aws\""));
        EdgeRangeService fastly = service(Provider.FASTLY, "/public-ip-list");
        assertThat(fastly.refresh(false)).isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(fastly.current().ipv6())
                .extracting(Object::toString)
                .containsExactly("2a04:4e40::/32", "2a04:4e42::/32");
        EdgeRangeService cloudfront = service(Provider.CLOUDFRONT, "/ip-ranges.json");
        assertThat(cloudfront.refresh(false)).isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(cloudfront.current().ipv4())
                .extracting(Object::toString)
                .containsExactly("3.231.2.0/25", "13.113.196.64/26");
        assertThat(cloudfront.current().etag()).isEqualTo("1732300000");
    }

    @Test
    void badListsAreRejectedAndTheLastGoodListStays() {
        server.serve("/ranges", Script.text("104.16.0.0/13\n172.64.0.0/13\n"));
        EdgeRangeService svc = service(Provider.CUSTOM, "/ranges");
        assertThat(svc.refresh(false)).isInstanceOf(RefreshOutcome.Updated.class);
        EdgeRanges good = svc.current();

        server.serve("/ranges", new Script(200, "text/html", json("error-page.html"), null));
        assertThat(svc.refresh(false))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Rejected.class,
                        r -> assertThat(r.reason()).endsWith("/ranges: line 1: not a CIDR: '<!DOCTYPE html>'"));
        server.serve("/ranges", Script.text(""));
        assertThat(svc.refresh(false))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Rejected.class,
                        r -> assertThat(r.reason()).endsWith("empty body"));
        server.serve("/ranges", Script.text("104.16.0.0/13\n0.0.0.0/0\n"));
        assertThat(svc.refresh(false))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo("entry 2: default route 0.0.0.0/0"));
        server.serve("/ranges", new Script(503, "text/html", json("error-page.html"), null));
        assertThat(svc.refresh(false))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Failed.class,
                        r -> assertThat(r.reason()).startsWith("HTTP 503 from http://127.0.0.1:"));

        assertThat(svc.current()).isSameAs(good);
        assertThat(events)
                .containsExactly(
                        "custom updated", "custom rejected", "custom rejected", "custom rejected", "custom failed");
    }

    @Test
    void sixtyPercentShrinkNeedsForce() {
        server.serve("/ranges", Script.text("100.1.0.0/16\n100.2.0.0/16\n100.3.0.0/16\n100.4.0.0/16\n100.5.0.0/16\n"));
        EdgeRangeService svc = service(Provider.CUSTOM, "/ranges");
        svc.refresh(false);
        server.serve("/ranges", Script.text("100.1.0.0/16\n100.2.0.0/16\n"));
        assertThat(svc.refresh(false))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Rejected.class,
                        r -> assertThat(r.reason()).startsWith("IPv4 shrinks by 60% (limit 30%)"));
        assertThat(svc.current().ipv4()).hasSize(5);
        assertThat(svc.refresh(true))
                .isInstanceOfSatisfying(
                        RefreshOutcome.Updated.class,
                        u -> assertThat(u.diff().removed())
                                .extracting(Object::toString)
                                .containsExactly("100.3.0.0/16", "100.4.0.0/16", "100.5.0.0/16"));
        assertThat(svc.current().ipv4()).hasSize(2);
    }

    @Test
    void lastGoodListSurvivesARestartWithTheSourceDown() throws IOException {
        server.serve("/client/v4/ips", Script.json(json("cloudflare-api.json"), "\"v1\""));
        EdgeRangeService before = service(Provider.CLOUDFLARE, "/client/v4/ips");
        before.refresh(false);
        URI url = server.url("/client/v4/ips");
        server.close();

        RangeSettings s = new RangeSettings(
                Provider.CLOUDFLARE,
                List.of(url),
                false,
                "",
                0.3,
                cacheDir,
                Duration.ofHours(12),
                Duration.ofSeconds(5));
        EdgeRangeService after = new EdgeRangeService(s, Fixtures.JSON, recorder, Clock.systemUTC());
        after.start();
        assertThat(after.current().all()).isEqualTo(before.current().all());
        assertThat(after.current().etag()).isEqualTo("38f79d050aa027e3be3865e495dcc9bc");
        assertThat(after.current().source()).startsWith("cache:" + cacheDir.resolve("cloudflare-ranges.json"));
        assertThat(after.refresh(false)).isInstanceOf(RefreshOutcome.Failed.class);
        assertThat(after.current().all()).isEqualTo(before.current().all());
        assertThat(after.stale()).isFalse();
        try (var files = Files.list(cacheDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cloudflare-ranges.json");
        }
    }

    @Test
    void restartedServiceStillSendsTheStoredEtag() {
        server.serve("/client/v4/ips", Script.json(json("cloudflare-api.json"), "\"v1\""));
        service(Provider.CLOUDFLARE, "/client/v4/ips").refresh(false);
        EdgeRangeService after = service(Provider.CLOUDFLARE, "/client/v4/ips");
        after.start();
        assertThat(after.refresh(false)).isInstanceOf(RefreshOutcome.Unchanged.class);
        assertThat(server.conditionsSeen).containsExactly("", "\"v1\"");
    }

    @Test
    void snapshotIsTheLastResortAndIsStale() throws IOException {
        Files.writeString(cacheDir.resolve("cloudflare-ranges.json"), "{ not json");
        EdgeRangeService svc = service(Provider.CLOUDFLARE, "/client/v4/ips");
        svc.start();
        assertThat(svc.current().source()).isEqualTo("snapshot:2025-06-01");
        assertThat(svc.current().ipv4()).hasSize(15);
        assertThat(svc.current().ipv6()).hasSize(7);
        assertThat(svc.stale()).isTrue();
        assertThat(events).containsExactly("loaded snapshot:2025-06-01");
    }

    @Test
    void everyBuiltInSnapshotIsValid() throws Exception {
        for (Provider p : List.of(Provider.CLOUDFLARE, Provider.FASTLY, Provider.CLOUDFRONT)) {
            EdgeRanges snap = RangeStore.snapshot(p.label(), Fixtures.JSON);
            assertThat(snap.provider()).isEqualTo(p.label());
            assertThat(snap.fetchedAt()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
            assertThat(snap.ipv4()).isNotEmpty();
        }
        assertThat(RangeStore.snapshot("custom", Fixtures.JSON)).isNull();
    }

    @Test
    void staleAfterTheConfiguredAge() {
        server.serve("/ranges", Script.text("104.16.0.0/13\n"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(t0);
        RangeSettings s = new RangeSettings(
                Provider.CUSTOM,
                List.of(server.url("/ranges")),
                false,
                "",
                0.3,
                cacheDir,
                Duration.ofHours(12),
                Duration.ofSeconds(5));
        EdgeRangeService svc = new EdgeRangeService(s, Fixtures.JSON, EdgeRangeListener.NONE, clock);
        assertThat(svc.stale()).isTrue();
        svc.refresh(false);
        assertThat(svc.stale()).isFalse();
        clock.now = t0.plus(Duration.ofHours(13));
        assertThat(svc.stale()).isTrue();
        svc.refresh(false);
        assertThat(svc.stale()).isFalse();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
