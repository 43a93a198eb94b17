package io.originwatch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code originwatch.api.*} at start-up (issue 13). No message ever shows a secret's value:
 * at most {@code <redacted, N chars>}.
 */
public final class ApiSettings {

    private static final String PREFIX = "originwatch.api.";

    private ApiSettings() {}

    /**
     * @param rawToken the token as written in its config source, or null when unset: the mapping
     *                 reports an empty value as absent, and an empty token must be an error, not "open"
     */
    public static List<ConfigError> errors(ApiConfig c, String rawToken) {
        List<ConfigError> errors = new ArrayList<>();
        boolean tokenSet = rawToken != null || c.token().isPresent();
        String token = c.token().orElse(rawToken == null ? "" : rawToken);
        if (tokenSet && token.isBlank()) {
            errors.add(new ConfigError(
                    PREFIX + "token",
                    "is blank (" + redacted(token) + "); set a token, or remove the key"
                            + " (originwatch.api.auth=none turns authentication off explicitly)"));
        } else if (tokenSet && !token.equals(token.strip())) {
            errors.add(new ConfigError(
                    PREFIX + "token",
                    "has leading or trailing whitespace (" + redacted(token) + "); a mounted Secret's trailing"
                            + " newline is stripped only with originwatch.api.token-file"));
        }
        c.tokenFile().ifPresent(f -> {
            if (tokenSet) {
                errors.add(new ConfigError(PREFIX + "token-file", "set either token or token-file, not both"));
            }
            Path p = Path.of(f.strip());
            if (!Files.isReadable(p) || Files.isDirectory(p)) {
                errors.add(new ConfigError(
                        PREFIX + "token-file", "not a readable file: " + ConfigValues.quoted(p.toString())));
            } else if (SecretFile.read(p).isBlank()) {
                errors.add(new ConfigError(PREFIX + "token-file", "is empty: " + ConfigValues.quoted(p.toString())));
            }
        });
        if (c.auth() == ApiAuth.NONE && (tokenSet || c.tokenFile().isPresent())) {
            errors.add(new ConfigError(PREFIX + "auth", "none, but a token is configured: remove one of them"));
        }
        if (c.probeCooldown().isNegative()) {
            errors.add(new ConfigError(PREFIX + "probe-cooldown", "must be 0s or more, got " + c.probeCooldown()));
        }
        return errors;
    }

    /** What a secret looks like in a message: its length only. */
    public static String redacted(String secret) {
        return "<redacted, " + secret.length() + " chars>";
    }
}
