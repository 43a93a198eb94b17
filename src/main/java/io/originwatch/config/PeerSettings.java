package io.originwatch.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One other vantage, validated: its name, its API's base URL (no trailing slash) and how to
 * authenticate to it. The token is never shown in a message or a view.
 *
 * @param name      the peer's vantage name
 * @param url       base URL of its API, scheme http or https
 * @param token     its API token given inline, if any
 * @param tokenFile a file holding that token, if any (read on each request, so rotation needs no restart)
 */
public record PeerSettings(String name, URI url, Optional<String> token, Optional<Path> tokenFile) {

    /** The bearer token in force now: the inline one, or the file's; empty without either. */
    public Optional<String> currentToken() {
        if (token.isPresent()) {
            return token;
        }
        return tokenFile.map(SecretFile::read).filter(t -> !t.isBlank());
    }

    @Override
    public String toString() {
        return "PeerSettings[name=" + name + ", url=" + url + "]";
    }
}
