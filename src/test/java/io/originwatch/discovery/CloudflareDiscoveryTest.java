package io.originwatch.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.app.JacksonJsonCodec;
import io.originwatch.discovery.CloudflareStandIn.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cloudflare source against the loopback stand-in: pagination, proxied and unproxied A, AAAA
 * and CNAME records, zone lookup by name or all zones, a 429 retried, and each failure (5xx,
 * malformed JSON, {@code success: false}, a wrong token's 403) ending the run with a message that
 * names it and never carries the token.
 */
class CloudflareDiscoveryTest {

    private CloudflareStandIn api;

    @BeforeEach
    void start() {
        api = new CloudflareStandIn()
                .zone("z1", "example.com")
                .zone("z2", "example.org")
                .record("z1", "a1b2c3d4e5f6", "A", "shop.example.com", "192.0.2.10", true)
                .record("z1", "b2", "AAAA", "v6.example.com", "2001:db8::10", true)
                .record("z1", "c3", "CNAME", "www.example.com", "origin.backend.net", true)
                .record("z1", "d4", "A", "direct.example.com", "192.0.2.20", false)
                .record("z1", "e5", "TXT", "example.com", "v=spf1 -all", false)
                .record("z2", "f6", "A", "Blog.Example.ORG", "198.51.100.7", true)
                .record("z2", "g7", "A", "*.example.org", "198.51.100.8", true);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private CloudflareDiscovery discovery(
            List<String> zones, String token, List<String> include, List<String> exclude) {
        CloudflareSettings s = new CloudflareSettings(
                api.apiUrl(),
                token,
                zones,
                Duration.ofMinutes(10),
                include,
                exclude,
                CloudflareSettings.RECORD_TYPES,
                "/health",
                "https",
                443,
                true,
                false);
        return new CloudflareDiscovery(s, new CloudflareClient(s.apiUrl(), token, new JacksonJsonCodec()));
    }

    private CloudflareDiscovery discovery() {
        return discovery(List.of(), CloudflareStandIn.TOKEN, List.of(), List.of());
    }

    @Test
    void proxiedRecordsOfEveryZoneBecomeOriginsAcrossPages() throws Exception {
        DiscoveryResult r = discovery().run();

        assertThat(r.origins())
                .containsExactly(
                        new DiscoveredOrigin(
                                "blog.example.org",
                                "https://198.51.100.7:443/health",
                                "Blog.Example.ORG",
                                "https://Blog.Example.ORG/health",
                                Map.of("zone", "example.org", "record_id", "f6")),
                        new DiscoveredOrigin(
                                "shop.example.com",
                                "https://192.0.2.10:443/health",
                                "shop.example.com",
                                "https://shop.example.com/health",
                                Map.of("zone", "example.com", "record_id", "a1b2c3d4e5f6")),
                        new DiscoveredOrigin(
                                "v6.example.com",
                                "https://[2001:db8::10]:443/health",
                                "v6.example.com",
                                "https://v6.example.com/health",
                                Map.of("zone", "example.com", "record_id", "b2")),
                        new DiscoveredOrigin(
                                "www.example.com",
                                "https://origin.backend.net:443/health",
                                "www.example.com",
                                "https://www.example.com/health",
                                Map.of("zone", "example.com", "record_id", "c3")));
        assertThat(r.skipped())
                .containsExactlyInAnyOrder(
                        new Skipped("A direct.example.com", "not proxied: the edge does not front it"),
                        new Skipped("TXT example.com", "record type TXT not in record-types"),
                        new Skipped("A *.example.org", "wildcard record: no single host name to probe"));
        // 2 zones and 5 + 2 records at 2 a page: 1 zone page, 3 + 1 record pages
        assertThat(api.requests()).isEqualTo(5);
        assertThat(api.authorizations()).allMatch(a -> a.equals("Bearer " + CloudflareStandIn.TOKEN));
    }

    @Test
    void zonesAreLookedUpByNameAndGlobsFilterRecordNames() throws Exception {
        DiscoveryResult r = discovery(
                        List.of("example.com"), CloudflareStandIn.TOKEN, List.of("*.example.com"), List.of("v6.*"))
                .run();

        assertThat(r.origins())
                .extracting(DiscoveredOrigin::name)
                .containsExactly("shop.example.com", "www.example.com");
        assertThat(r.skipped()).contains(new Skipped("AAAA v6.example.com", "matched by exclude"));
    }

    @Test
    void anUnknownZoneFailsTheRun() {
        assertThatThrownBy(() -> discovery(List.of("nope.example"), CloudflareStandIn.TOKEN, List.of(), List.of())
                        .run())
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("zone nope.example: not found, or the token cannot read it");
    }

    @Test
    void severalRecordsOfOneNameGetStableDistinctNames() throws Exception {
        api.record("z1", "0000aaaa1111", "A", "shop.example.com", "192.0.2.11", true);

        List<String> names =
                discovery().run().origins().stream().map(DiscoveredOrigin::name).toList();

        assertThat(names).contains("shop.example.com-0000aaaa", "shop.example.com-a1b2c3d4");
        assertThat(discovery().run().origins().stream()
                        .map(DiscoveredOrigin::name)
                        .toList())
                .isEqualTo(names);
    }

    @Test
    void aRateLimitIsRetriedAfterItsRetryAfter() throws Exception {
        api.fail(Fault.RATE_LIMITED, Fault.RATE_LIMITED);

        assertThat(discovery().run().origins()).hasSize(4);
    }

    @Test
    void aRateLimitThatPersistsFailsTheRun() {
        api.fail(Fault.RATE_LIMITED, Fault.RATE_LIMITED, Fault.RATE_LIMITED, Fault.RATE_LIMITED);

        assertThatThrownBy(() -> discovery().run())
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("zones: rate limited (429) 4 times");
    }

    @Test
    void aServerErrorFailsTheRun() {
        api.fail(Fault.SERVER_ERROR);

        assertThatThrownBy(() -> discovery().run())
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("zones: HTTP 502: \"<html><body>502 Bad Gateway</body></html>\"");
    }

    @Test
    void malformedJsonFailsTheRun() {
        api.fail(Fault.MALFORMED_JSON);

        assertThatThrownBy(() -> discovery().run())
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("zones: malformed JSON (")
                .hasMessageEndingWith("\"{\"success\":true,\"result\":[{\"id\":\"");
    }

    @Test
    void aReportedFailureFailsTheRun() {
        api.fail(Fault.SUCCESS_FALSE);

        assertThatThrownBy(() -> discovery().run())
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("zones: the API reported failure: [{\"code\":1000,\"message\":\"Internal error\"}]");
    }

    @Test
    void aWrongTokenIsRefusedAndTheMessageDoesNotCarryIt() {
        String wrong = "wrong-token-1234567890";

        assertThatThrownBy(
                        () -> discovery(List.of(), wrong, List.of(), List.of()).run())
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("zones: HTTP 403 (is the API token valid and allowed to read?)")
                .hasMessageNotContaining(wrong);
    }

    @Test
    void theSettingsNeverPrintTheToken() {
        CloudflareSettings s = new CloudflareSettings(
                api.apiUrl(),
                CloudflareStandIn.TOKEN,
                List.of(),
                Duration.ofMinutes(1),
                List.of(),
                List.of(),
                CloudflareSettings.RECORD_TYPES,
                "/",
                "https",
                443,
                true,
                false);

        assertThat(s.toString()).doesNotContain(CloudflareStandIn.TOKEN).contains("apiToken=<redacted>");
    }

    @Test
    void theCacheKeepsAResultAcrossInstances(@TempDir Path dir) throws Exception {
        DiscoveryResult r = discovery().run();
        new DiscoveryCache(dir, new JacksonJsonCodec()).save("cloudflare", r);

        assertThat(new DiscoveryCache(dir, new JacksonJsonCodec()).load("cloudflare"))
                .contains(r);
        assertThat(Files.readString(dir.resolve("cloudflare.json"))).doesNotContain(CloudflareStandIn.TOKEN);
        assertThat(new DiscoveryCache(dir, new JacksonJsonCodec()).load("kubernetes"))
                .isEmpty();
    }

    @Test
    void aDamagedCacheIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cloudflare.json"), "{\"origins\": 3}");

        assertThatThrownBy(() -> new DiscoveryCache(dir, new JacksonJsonCodec()).load("cloudflare"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining(dir.resolve("cloudflare.json").toString());
    }

    @Test
    void theGuardRefusesRemovingMoreThanHalf() {
        assertThat(RemovalGuard.refuses(4, 2, false)).isFalse();
        assertThat(RemovalGuard.refuses(4, 3, false)).isTrue();
        assertThat(RemovalGuard.refuses(4, 3, true)).isFalse();
        assertThat(RemovalGuard.refuses(0, 0, false)).isFalse();
        assertThat(RemovalGuard.refuses(1, 1, false)).isTrue();
    }

    @Test
    void namesAreMadeValid() {
        assertThat(OriginNames.of("Shop.Example.COM.")).isEqualTo("shop.example.com");
        assertThat(OriginNames.of("xn--bcher-kva.example")).isEqualTo("xn--bcher-kva.example");
        assertThat(OriginNames.of("a b/c")).isEqualTo("a-b-c");
    }
}
