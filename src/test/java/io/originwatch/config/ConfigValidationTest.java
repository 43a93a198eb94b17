package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.classify.EdgeLimits;
import io.originwatch.http1.ResponseHeadParser;
import io.originwatch.origin.Origin;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per validation rule under src/test/resources/config-errors: each is a properties file
 * whose {@code # expect:} lines are the exact error lines it must produce, all of them, in order.
 * Runs the real mapping of every area (SmallRye, without Quarkus) and the real loader, so it covers
 * every error the config layer reports: origins, the origins file, the daemon's own keys, evidence,
 * edge ranges, allowlists, alerting and api, conversion errors (a word where a number, a duration
 * or a boolean belongs) included. Fixtures under {@code accepted/} are boundary values that must
 * load without an error.
 */
class ConfigValidationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/config-errors");
    private static final Path ACCEPTED = FIXTURES.resolve("accepted");

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void invalidConfigIsReportedWithItsExactMessages(String fixture) throws IOException {
        Path file = FIXTURES.resolve(fixture + ".properties");
        List<String> expected = Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length()))
                .toList();
        assertThat(expected)
                .as("fixture %s declares its expected errors", fixture)
                .isNotEmpty();

        assertThatThrownBy(() -> loader(properties(file)).load())
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.errors().stream()
                                        .map(ConfigError::toString)
                                        .toList())
                                .isEqualTo(expected));
    }

    static Stream<String> accepted() throws IOException {
        try (Stream<Path> files = Files.list(ACCEPTED)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** The other side of a boundary: fixtures under config-errors/accepted load without an error. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void boundaryValuesAreAccepted(String fixture) throws IOException {
        DaemonSettings s = loader(properties(ACCEPTED.resolve(fixture))).load();
        assertThat(s.inlineOrigins()).isNotEmpty();
    }

    @Test
    void headerLimitMinimumIsTheParsersMinimum() {
        DaemonSettings s = loader(Map.of(
                        "originwatch.origins[0].name",
                        "shop",
                        "originwatch.origins[0].url",
                        "http://127.0.0.1:1/",
                        "originwatch.origins[0].header-limit",
                        Integer.toString(ResponseHeadParser.MIN_HEADER_LIMIT_BYTES)))
                .load();
        assertThat(s.inlineOrigins().get(0).spec().headerLimitBytes())
                .isEqualTo(ResponseHeadParser.MIN_HEADER_LIMIT_BYTES);
        assertThatThrownBy(() -> loader(Map.of(
                                "originwatch.origins[0].name",
                                "shop",
                                "originwatch.origins[0].url",
                                "http://127.0.0.1:1/",
                                "originwatch.origins[0].header-limit",
                                Integer.toString(ResponseHeadParser.MIN_HEADER_LIMIT_BYTES - 1)))
                        .load())
                .isInstanceOf(InvalidConfigException.class);
    }

    @Test
    void validOriginGetsEdgeDefaultsAndItsUrlHostAsHost() {
        Map<String, String> p = new HashMap<>();
        p.put("originwatch.origins[0].name", "shop");
        p.put("originwatch.origins[0].url", "https://203.0.113.10:8443/healthz?full=1");
        p.put("originwatch.origins[0].labels.team", "payments");
        p.put("originwatch.origins[1].name", "blog");
        p.put("originwatch.origins[1].url", "http://blog.example.test/");
        p.put("originwatch.origins[1].host", "www.example.test");
        p.put("originwatch.origins[1].interval", "10s");
        p.put("originwatch.origins[1].method", "head");
        p.put("originwatch.origins[1].headers.X-Probe", "originwatch");
        p.put("originwatch.defaults.header-limit", "4096");

        DaemonSettings s = loader(p).load();

        Origin shop = s.inlineOrigins().get(0);
        assertThat(shop.spec().host()).isEqualTo("203.0.113.10");
        assertThat(shop.interval()).isEqualTo(OriginValidator.DEFAULT_INTERVAL);
        assertThat(shop.spec().connectTimeout()).isEqualTo(EdgeLimits.DEFAULT_CONNECT_TIMEOUT);
        assertThat(shop.spec().responseTimeout()).isEqualTo(EdgeLimits.DEFAULT_RESPONSE_TIMEOUT);
        assertThat(shop.spec().headerLimitBytes()).isEqualTo(4096);
        assertThat(shop.spec().expectStatus().text()).isEqualTo("200-399");
        assertThat(shop.spec().tlsVerify()).isTrue();
        assertThat(shop.spec().method()).isEqualTo("GET");
        assertThat(shop.spec().userAgent()).isEqualTo("originwatch/9.9.9");
        assertThat(shop.labels()).containsEntry("team", "payments");
        Origin blog = s.inlineOrigins().get(1);
        assertThat(blog.spec().host()).isEqualTo("www.example.test");
        assertThat(blog.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(blog.spec().method()).isEqualTo("HEAD");
        assertThat(blog.spec().headers())
                .containsExactly(new io.originwatch.probe.ProbeSpec.RequestHeader("X-Probe", "originwatch"));
        assertThat(s.maxConcurrentProbes()).isEqualTo(DaemonSettings.DEFAULT_MAX_CONCURRENT_PROBES);
        assertThat(s.labEnabled()).isFalse();
        assertThat(s.tlsProvider()).isEqualTo(TlsProvider.AUTO);
    }

    @Test
    void clusterIsOffByDefaultAndAStaticListDefaultsMinMembersToAMajority() throws IOException {
        assertThat(loader(Map.of()).load().cluster()).isEqualTo(ClusterSettings.STANDALONE);
        ClusterSettings c = loader(properties(ACCEPTED.resolve("cluster-static.properties")))
                .load()
                .cluster();
        assertThat(c.enabled()).isTrue();
        assertThat(c.name()).isEqualTo("originwatch");
        assertThat(c.bindHost() + ":" + c.bindPort()).isEqualTo("127.0.0.1:5702");
        assertThat(c.members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703");
        assertThat(c.minMembers()).isEqualTo(2);
    }

    @Test
    void tlsProviderIsReadWithoutRegardToCase() {
        assertThat(loader(Map.of("originwatch.tls-provider", " JDK ")).load().tlsProvider())
                .isEqualTo(TlsProvider.JDK);
        assertThat(loader(Map.of("originwatch.tls-provider", "conscrypt"))
                        .load()
                        .tlsProvider())
                .isEqualTo(TlsProvider.CONSCRYPT);
    }

    @Test
    void ipv6LiteralUrlUsesTheBareAddressAsHost() {
        DaemonSettings s = loader(
                        Map.of("originwatch.origins[0].name", "v6", "originwatch.origins[0].url", "http://[::1]:8080/"))
                .load();
        assertThat(s.inlineOrigins().get(0).spec().host()).isEqualTo("::1");
    }

    static SettingsLoader loader(Map<String, String> properties) {
        return ConfigFixture.loader(properties);
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> map = new HashMap<>();
        p.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }
}
