package io.originwatch.edge.ranges;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.originwatch.edge.Fixtures;
import io.originwatch.testing.StallingServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds that misbehave: headers then silence, a redirect to another host, a single /24 answered on a
 * fresh pod (built-in snapshot in force), prefixes as wide as a sixteenth of the Internet.
 */
class FeedMisbehaviourTest {

    @TempDir
    Path cacheDir;

    @Test
    void aFeedThatStallsAfterItsHeadersFailsOnTheTotalDeadlineAndTheNextFetchWorks() throws IOException {
        try (StallingServer feed = new StallingServer(1, "104.16.0.0/13\n")) {
            RangeFetcher fetcher = new RangeFetcher(Duration.ofMillis(500));
            long t0 = System.nanoTime();
            FetchResult first = fetcher.fetch(feed.url("/ranges?token=s3cret-feed"), null);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(first)
                    .isInstanceOfSatisfying(
                            FetchResult.Failed.class,
                            f -> assertThat(f.reason())
                                    .isEqualTo(
                                            "fetching http://127.0.0.1:" + feed.port()
                                                    + "/ranges?token=[redacted]: no complete answer (headers and body) within 500 ms"));
            assertThat(fetcher.fetch(feed.url("/ranges"), null))
                    .isInstanceOfSatisfying(
                            FetchResult.Body.class, b -> assertThat(b.body()).isEqualTo("104.16.0.0/13\n"));
        }
    }

    @Test
    void aRedirectToAnotherHostIsRefusedAndOneOnTheSameHostIsFollowed() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = server.getAddress().getPort();
        server.createContext("/elsewhere", ex -> {
            ex.getResponseHeaders().set("Location", "http://localhost:" + port + "/ranges");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().set("Location", "/ranges");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/ranges", ex -> {
            byte[] body = "104.16.0.0/13\n".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            RangeFetcher fetcher = new RangeFetcher(Duration.ofSeconds(5));
            assertThat(fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/elsewhere"), null))
                    .isInstanceOfSatisfying(
                            FetchResult.Failed.class,
                            f -> assertThat(f.reason())
                                    .isEqualTo("redirect from http://127.0.0.1:" + port
                                            + "/elsewhere to another host (localhost) refused:"
                                            + " point originwatch.edge.urls at the final URL"));
            assertThat(fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/moved"), null))
                    .isInstanceOf(FetchResult.Body.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBodyOverTheLimitStopsAtTheLimit() throws IOException {
        try (RangeServer server = new RangeServer()) {
            server.serve("/big", RangeServer.Script.text("104.16.0.0/13\n".repeat(100)));
            assertThat(new RangeFetcher(Duration.ofSeconds(5), 1000).fetch(server.url("/big"), null))
                    .isInstanceOfSatisfying(
                            FetchResult.Failed.class,
                            f -> assertThat(f.reason()).endsWith("/big exceeds 1000 bytes"));
        }
    }

    @Test
    void onAFreshPodTheShrinkGuardProtectsTheBuiltInSnapshot() throws IOException {
        try (RangeServer server = new RangeServer()) {
            server.serve("/ips-v4", RangeServer.Script.text("104.16.0.0/24\n"));
            RangeSettings s = new RangeSettings(
                    Provider.CLOUDFLARE,
                    List.of(server.url("/ips-v4")),
                    false,
                    "",
                    0.3,
                    cacheDir,
                    Duration.ofHours(12),
                    Duration.ofSeconds(5));
            EdgeRangeService svc = new EdgeRangeService(s, Fixtures.JSON, EdgeRangeListener.NONE, Clock.systemUTC());
            svc.start();
            assertThat(svc.current().isSnapshot()).isTrue();
            assertThat(svc.refresh(false))
                    .isInstanceOfSatisfying(
                            RefreshOutcome.Rejected.class,
                            r -> assertThat(r.reason()).startsWith("IPv4 shrinks by 100% (limit 30%)"));
            assertThat(svc.current().isSnapshot()).isTrue();
            assertThat(svc.current().ipv4()).hasSize(15);
            assertThat(svc.refresh(true)).isInstanceOf(RefreshOutcome.Updated.class);
        }
    }

    record Prefix(String cidr, boolean accepted) {
        @Override
        public String toString() {
            return cidr + (accepted ? " accepted" : " rejected");
        }
    }

    static Stream<Prefix> prefixes() {
        return Stream.of(
                new Prefix("32.0.0.0/3", false),
                new Prefix("4.0.0.0/7", false),
                new Prefix("4.0.0.0/8", true),
                new Prefix("104.16.0.0/13", true),
                new Prefix("2000::/3", false),
                new Prefix("2600::/15", false),
                new Prefix("2600::/16", true),
                new Prefix("2a06:98c0::/29", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prefixes")
    void theWidestPrefixPerFamilyIsBounded(Prefix p) {
        Validation v = new RangeValidator(0.3).validate(List.of(p.cidr()), null, false);
        if (p.accepted()) {
            assertThat(v).isInstanceOf(Validation.Accepted.class);
        } else {
            assertThat(v)
                    .isInstanceOfSatisfying(
                            Validation.Rejected.class,
                            r -> assertThat(r.reason()).startsWith("entry 1: " + p.cidr() + " is wider than /"));
        }
    }

    @Test
    void theMinimumPrefixLengthIsConfigurable() {
        assertThat(new RangeValidator(0.3, 16, 32).validate(List.of("104.16.0.0/13"), null, false))
                .isInstanceOfSatisfying(
                        Validation.Rejected.class,
                        r -> assertThat(r.reason())
                                .isEqualTo("entry 1: 104.16.0.0/13 is wider than /16, the widest IPv4 prefix accepted"
                                        + " (originwatch.edge.min-prefix-ipv4)"));
    }
}
