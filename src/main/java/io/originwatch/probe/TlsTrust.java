package io.originwatch.probe;

import java.util.Arrays;
import java.util.Optional;

/**
 * How {@code trust-ca} combines with the default roots (config {@code tls-trust}), as the edge's
 * two ways of judging an origin's certificate in Full (strict) mode.
 */
public enum TlsTrust {
    /** {@code trust-ca} is trusted in addition to the JDK's roots (the edge's public roots plus Origin CA). */
    ADD,
    /**
     * Only {@code trust-ca} is trusted, as with a Custom Origin Trust Store: a certificate that
     * chains to a public root but not to {@code trust-ca} is untrusted (526 with tls-verify on).
     */
    REPLACE;

    /** The config spelling: {@code add} or {@code replace}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value written {@code text}, if it is one. */
    public static Optional<TlsTrust> parse(String text) {
        return Arrays.stream(values())
                .filter(v -> v.label().equals(text.trim()))
                .findFirst();
    }
}
