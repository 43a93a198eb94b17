package io.originwatch.config;

import java.util.List;
import java.util.Locale;

/** {@code originwatch.tls-provider}: which TLS stack probes use. */
public enum TlsProvider {
    /** Conscrypt where its native library loads, else the JDK (with a warning saying why). */
    AUTO,
    /** Conscrypt or refuse to start. */
    CONSCRYPT,
    /** The JDK's own JSSE. */
    JDK;

    static final String KEY = "originwatch.tls-provider";

    /** The value's provider, or null after adding an error naming the key. */
    static TlsProvider parse(String value, List<ConfigError> errors) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (TlsProvider p : values()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(v)) {
                return p;
            }
        }
        errors.add(new ConfigError(KEY, "must be auto, conscrypt or jdk, got " + ConfigValues.quoted(value)));
        return null;
    }
}
