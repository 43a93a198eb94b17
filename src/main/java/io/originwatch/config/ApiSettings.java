package io.originwatch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code originwatch.api.*} as typed values, and its start-up check (issue 13). No message ever
 * shows a secret's value: at most {@code <redacted, N chars>}. The token itself stays with
 * {@link ApiConfig} (the API reads a token file anew when it changes).
 *
 * @param auth          how callers are authenticated
 * @param probeCooldown least time between two manual probes of one origin, 0 or more
 */
public record ApiSettings(ApiAuth auth, Duration probeCooldown) {

    private static final String PREFIX = "originwatch.api.";

    /**
     * What runs while an invalid configuration makes the daemon exit: token authentication (an
     * invalid {@code auth} never opens the API) and the documented default cooldown.
     */
    static final ApiSettings INVALID = new ApiSettings(ApiAuth.TOKEN, Duration.ofSeconds(5));

    /**
     * The typed values; with an invalid one (each error added to {@code errors}) {@link #INVALID}.
     * The token keys are checked by {@link #errors}, at start-up.
     */
    public static ApiSettings from(ApiConfig c, List<ConfigError> errors) {
        int before = errors.size();
        ApiAuth auth = ConfigValues.oneOf(PREFIX + "auth", c.auth(), ApiAuth.class, errors);
        Duration cooldown = ConfigValues.duration(PREFIX + "probe-cooldown", c.probeCooldown(), errors);
        if (cooldown != null && cooldown.isNegative()) {
            errors.add(new ConfigError(PREFIX + "probe-cooldown", "must be 0s or more, got " + cooldown));
        }
        return errors.size() > before ? INVALID : new ApiSettings(auth, cooldown);
    }

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
        from(c, errors);
        // an unreadable auth is reported just above; here it counts as token
        ApiAuth auth = ConfigValues.oneOf(PREFIX + "auth", c.auth(), ApiAuth.class, new ArrayList<>());
        if (auth == ApiAuth.NONE && (tokenSet || c.tokenFile().isPresent())) {
            errors.add(new ConfigError(PREFIX + "auth", "none, but a token is configured: remove one of them"));
        }
        return errors;
    }

    /** What a secret looks like in a message: its length only. */
    public static String redacted(String secret) {
        return "<redacted, " + secret.length() + " chars>";
    }
}
