package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code originwatch.vantage}, {@code originwatch.peers[n].*}, peer-timeout and vantage-quorum. */
class VantageSettingsTest {

    record Peer(Optional<String> name, Optional<String> url, Optional<String> token, Optional<String> tokenFile)
            implements VantageConfig.Peer {

        static Peer of(String name, String url) {
            return new Peer(Optional.ofNullable(name), Optional.ofNullable(url), Optional.empty(), Optional.empty());
        }
    }

    record Config(
            Optional<String> vantage,
            Optional<List<VantageConfig.Peer>> peers,
            Optional<String> peerTimeout,
            Optional<String> vantageQuorum)
            implements VantageConfig {

        static Config of(String vantage, VantageConfig.Peer... peers) {
            return new Config(
                    Optional.ofNullable(vantage),
                    peers.length == 0 ? Optional.empty() : Optional.of(List.of(peers)),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    @Test
    void defaultsAreOneVantageNamedDefault() {
        List<ConfigError> errors = new ArrayList<>();
        VantageSettings s = VantageSettings.from(Config.of(null), errors);
        assertThat(errors).isEmpty();
        assertThat(s).isEqualTo(new VantageSettings("default", List.of(), Duration.ofSeconds(2), 1));
    }

    @Test
    void peersGetAMajorityQuorumAndTheirUrlLosesTheTrailingSlash() {
        List<ConfigError> errors = new ArrayList<>();
        VantageSettings s = VantageSettings.from(
                Config.of("eu", Peer.of("us", "https://us.example.com/"), Peer.of("ap", "http://10.0.0.1:8080")),
                errors);
        assertThat(errors).isEmpty();
        assertThat(s.quorum()).isEqualTo(2);
        assertThat(s.vantages()).isEqualTo(3);
        assertThat(s.peers().get(0).url()).isEqualTo(URI.create("https://us.example.com"));
    }

    @Test
    void everyInvalidValueNamesItsKey() {
        List<ConfigError> errors = new ArrayList<>();
        VantageSettings s = VantageSettings.from(
                new Config(
                        Optional.of("eu west"),
                        Optional.of(List.of(
                                Peer.of(null, "ftp://x"),
                                Peer.of("us", "https://u:p@us.example.com"),
                                Peer.of("us", "https://us.example.com"),
                                new Peer(
                                        Optional.of("ap"),
                                        Optional.of("https://ap.example.com"),
                                        Optional.of("t"),
                                        Optional.of("/nonexistent")))),
                        Optional.of("0s"),
                        Optional.of("6")),
                errors);
        assertThat(s).isEqualTo(VantageSettings.ALONE);
        assertThat(errors)
                .extracting(ConfigError::key)
                .containsExactly(
                        "originwatch.vantage",
                        "originwatch.peers[0].name",
                        "originwatch.peers[0].url",
                        "originwatch.peers[1].url",
                        "originwatch.peers[2].name",
                        "originwatch.peers[3].token-file",
                        "originwatch.peer-timeout",
                        "originwatch.vantage-quorum");
        assertThat(errors.get(1).message()).contains("required");
        assertThat(errors.get(2).message()).contains("scheme must be http or https");
        assertThat(errors.get(3).message())
                .contains("must not carry a user or password")
                .doesNotContain("u:p@");
    }

    @Test
    void aPeerNamedLikeThisVantageOrAnotherPeerIsRefused() {
        List<ConfigError> errors = new ArrayList<>();
        VantageSettings.from(
                Config.of(
                        "eu",
                        Peer.of("eu", "https://a.example.com"),
                        Peer.of("us", "https://b.example.com"),
                        Peer.of("us", "https://c.example.com")),
                errors);
        assertThat(errors)
                .extracting(ConfigError::key)
                .containsExactly("originwatch.peers[0].name", "originwatch.peers[2].name");
    }

    @Test
    void aTokenFileIsReadOnEachUseWithoutItsNewlineAndNeverShown(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "first\n");
        List<ConfigError> errors = new ArrayList<>();
        VantageSettings s = VantageSettings.from(
                Config.of(
                        "eu",
                        new Peer(
                                Optional.of("us"),
                                Optional.of("https://us.example.com"),
                                Optional.empty(),
                                Optional.of(file.toString()))),
                errors);
        assertThat(errors).isEmpty();
        PeerSettings peer = s.peers().get(0);
        assertThat(peer.currentToken()).contains("first");
        Files.writeString(file, "second\n");
        assertThat(peer.currentToken()).contains("second");
        assertThat(peer.toString()).doesNotContain("second");
    }

    @Test
    void anEmptyTokenFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "\n");
        List<ConfigError> errors = new ArrayList<>();
        VantageSettings.from(
                Config.of(
                        "eu",
                        new Peer(
                                Optional.of("us"),
                                Optional.of("https://us.example.com"),
                                Optional.empty(),
                                Optional.of(file.toString()))),
                errors);
        assertThat(errors).extracting(ConfigError::message).containsExactly("is empty: \"" + file + "\"");
    }
}
