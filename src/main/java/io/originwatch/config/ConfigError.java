package io.originwatch.config;

/**
 * One configuration problem: the full key (e.g. {@code originwatch.origins[2].url}) and what is
 * wrong with its value.
 */
public record ConfigError(String key, String message) {

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
