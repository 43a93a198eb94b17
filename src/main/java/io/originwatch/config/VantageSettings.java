package io.originwatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated multi-vantage configuration (issue 14).
 *
 * @param vantage     this place's name, also the {@code vantage} label of {@code originwatch_vantage_info}
 * @param peers       the other vantages, in configuration order
 * @param peerTimeout longest wait for one peer's answer
 * @param quorum      vantages that must see an origin down for the quorum to say down (1 to all)
 */
public record VantageSettings(String vantage, List<PeerSettings> peers, Duration peerTimeout, int quorum) {

    public static final String DEFAULT_VANTAGE = "default";
    public static final Duration DEFAULT_PEER_TIMEOUT = Duration.ofSeconds(2);

    /** What runs while an invalid configuration makes the daemon exit: this vantage alone. */
    public static final VantageSettings ALONE =
            new VantageSettings(DEFAULT_VANTAGE, List.of(), DEFAULT_PEER_TIMEOUT, 1);

    /** A vantage name is a label value and a path-free word: letters, digits, {@code . _ -}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private static final String PREFIX = "originwatch.";

    public VantageSettings {
        peers = List.copyOf(peers);
    }

    /** All vantages: this one and its peers. */
    public int vantages() {
        return peers.size() + 1;
    }

    /** Maps the keys; every invalid value adds an error naming its key, and the result is then {@link #ALONE}. */
    public static VantageSettings from(VantageConfig c, List<ConfigError> errors) {
        int before = errors.size();
        String vantage = c.vantage().map(String::strip).orElse(DEFAULT_VANTAGE);
        name(PREFIX + "vantage", vantage, errors);
        Set<String> names = new HashSet<>(Set.of(vantage));
        List<PeerSettings> peers = new ArrayList<>();
        List<VantageConfig.Peer> raw = c.peers().orElse(List.of());
        for (int i = 0; i < raw.size(); i++) {
            PeerSettings peer = peer(PREFIX + "peers[" + i + "].", raw.get(i), names, errors);
            if (peer != null) {
                peers.add(peer);
            }
        }
        Duration timeout = c.peerTimeout()
                .map(v -> ConfigValues.duration(PREFIX + "peer-timeout", v, errors))
                .map(d -> ConfigValues.positive(PREFIX + "peer-timeout", d, errors))
                .orElse(DEFAULT_PEER_TIMEOUT);
        int all = raw.size() + 1;
        Integer quorum = c.vantageQuorum()
                .map(v -> ConfigValues.integer(PREFIX + "vantage-quorum", v, 1, all, "vantages", errors))
                .orElse(all / 2 + 1);
        return errors.size() > before ? ALONE : new VantageSettings(vantage, peers, timeout, quorum);
    }

    private static PeerSettings peer(String key, VantageConfig.Peer p, Set<String> names, List<ConfigError> errors) {
        int before = errors.size();
        String name = p.name().map(String::strip).orElse("");
        if (name.isEmpty()) {
            errors.add(new ConfigError(key + "name", "is required (the peer's originwatch.vantage)"));
        } else if (name(key + "name", name, errors) && !names.add(name)) {
            errors.add(new ConfigError(
                    key + "name", ConfigValues.quoted(name) + " is taken by this vantage or another peer"));
        }
        URI url = url(key + "url", p.url().map(String::strip).orElse(""), errors);
        Optional<String> token = p.token().filter(t -> !t.isEmpty());
        if (token.isPresent() && !token.get().equals(token.get().strip())) {
            errors.add(new ConfigError(
                    key + "token", "has leading or trailing whitespace (" + ApiSettings.redacted(token.get()) + ")"));
        }
        Optional<Path> file =
                p.tokenFile().map(String::strip).filter(f -> !f.isEmpty()).map(Path::of);
        if (file.isPresent()) {
            Path f = file.get();
            if (token.isPresent()) {
                errors.add(new ConfigError(key + "token-file", "set either token or token-file, not both"));
            } else if (!Files.isReadable(f) || Files.isDirectory(f)) {
                errors.add(new ConfigError(
                        key + "token-file", "not a readable file: " + ConfigValues.quoted(f.toString())));
            } else if (SecretFile.read(f).isBlank()) {
                errors.add(new ConfigError(key + "token-file", "is empty: " + ConfigValues.quoted(f.toString())));
            }
        }
        return errors.size() > before ? null : new PeerSettings(name, url, token, file);
    }

    private static boolean name(String key, String name, List<ConfigError> errors) {
        if (!NAME.matcher(name).matches()) {
            errors.add(new ConfigError(
                    key,
                    "must be 1-63 letters, digits, '.', '_' or '-' starting with a letter or digit, got "
                            + ConfigValues.quoted(name)));
            return false;
        }
        return true;
    }

    private static URI url(String key, String text, List<ConfigError> errors) {
        if (text.isEmpty()) {
            errors.add(new ConfigError(key, "is required (the base URL of the peer's API)"));
            return null;
        }
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add(new ConfigError(key, "scheme must be http or https, got " + ConfigValues.quotedUrl(text)));
                return null;
            }
            if (u.getRawUserInfo() != null) {
                // not quoted: a user part may hold a password
                errors.add(new ConfigError(
                        key, "must not carry a user or password (set the peer's token or token-file instead)"));
                return null;
            }
            if (u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null) {
                errors.add(new ConfigError(
                        key,
                        "must be a base URL with a host and no query or fragment, got "
                                + ConfigValues.quotedUrl(text)));
                return null;
            }
            String s = u.toString();
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (URISyntaxException e) {
            errors.add(new ConfigError(key, "not a URL: " + ConfigValues.quotedUrl(text)));
            return null;
        }
    }
}
