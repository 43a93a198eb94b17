package io.originwatch.config;

import java.util.List;

/** {@code originwatch.tls-provider}: which TLS stack probes use. */
public enum TlsProvider {
    /** Conscrypt where its native library loads, else the JDK (with a warning saying why). */
    AUTO,
    /** Conscrypt or refuse to start. */
    CONSCRYPT,
    /** The JDK's own JSSE. */
    JDK;

    static final String KEY = "originwatch.tls-provider";

    /** The value's provider (any case), or null after adding an error naming the key. */
    static TlsProvider parse(String value, List<ConfigError> errors) {
        return ConfigValues.oneOf(KEY, value, TlsProvider.class, errors);
    }
}
