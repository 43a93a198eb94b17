package io.originwatch.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one list of an origin's keys, as written in {@code originwatch.origins[n].*},
 * {@code originwatch.defaults.*} and the origins file. The mapping reader, the origins-file reader,
 * {@link OriginValidator} and {@link LabOrigins} name keys only through it.
 *
 * <p>Adding a key: a constant here (its text and how to read it from the mapping), the method on
 * {@link OriginDefaults} or {@link OriginSettings}, its resolution in {@link OriginValidator}, and
 * the field of {@code ProbeSpec} it ends up in.
 */
public enum OriginKey {
    NAME("name", Scope.ORIGIN, identity(OriginSettings::name)),
    URL("url", Scope.ORIGIN, identity(OriginSettings::url)),
    HOST("host", Scope.ORIGIN, identity(OriginSettings::host)),
    VIA_EDGE_URL("via-edge-url", Scope.ORIGIN, identity(OriginSettings::viaEdgeUrl)),
    INTERVAL("interval", Scope.SETTING, OriginDefaults::interval),
    CONNECT_TIMEOUT("connect-timeout", Scope.SETTING, OriginDefaults::connectTimeout),
    RESPONSE_TIMEOUT("response-timeout", Scope.SETTING, OriginDefaults::responseTimeout),
    HEADER_LIMIT("header-limit", Scope.SETTING, OriginDefaults::headerLimit),
    EXPECT_STATUS("expect-status", Scope.SETTING, OriginDefaults::expectStatus),
    TLS_VERIFY("tls-verify", Scope.SETTING, OriginDefaults::tlsVerify),
    TRUST_CA("trust-ca", Scope.SETTING, OriginDefaults::trustCa),
    TLS_TRUST("tls-trust", Scope.SETTING, OriginDefaults::tlsTrust),
    TLS_PROFILE("tls-profile", Scope.SETTING, OriginDefaults::tlsProfile),
    TLS_CLIENT_CERTIFICATE("tls-client-certificate", Scope.SETTING, OriginDefaults::tlsClientCertificate),
    TLS_CLIENT_KEY("tls-client-key", Scope.SETTING, OriginDefaults::tlsClientKey),
    METHOD("method", Scope.SETTING, OriginDefaults::method),
    HTTP_VERSION("http-version", Scope.SETTING, OriginDefaults::httpVersion),
    /** A map ({@code headers.<name>}), read through {@link OriginDefaults#headers()}. */
    HEADERS("headers", Scope.MAP, d -> Optional.empty()),
    /** A map ({@code header-files.<name>}: a path), read through {@link OriginDefaults#headerFiles()}. */
    HEADER_FILES("header-files", Scope.MAP, d -> Optional.empty()),
    /** A map ({@code labels.<name>}), read through {@link OriginDefaults#labels()}. */
    LABELS("labels", Scope.MAP, d -> Optional.empty());

    /** Where a key may be set. */
    public enum Scope {
        /** Only on an origin: what identifies it and where it is. */
        ORIGIN,
        /** On an origin and in {@code originwatch.defaults}. */
        SETTING,
        /** A map of names to values, on an origin and in the defaults. */
        MAP
    }

    private final String text;
    private final Scope scope;
    private final Function<OriginDefaults, Optional<String>> read;

    OriginKey(String text, Scope scope, Function<OriginDefaults, Optional<String>> read) {
        this.text = text;
        this.scope = scope;
        this.read = read;
    }

    /** The key as written, kebab-case: {@code connect-timeout}. */
    public String text() {
        return text;
    }

    public Scope scope() {
        return scope;
    }

    /** This key's value in one entry of the mapping; always empty for maps and, in the defaults, for origin-only keys. */
    Optional<String> readFrom(OriginDefaults entry) {
        return read.apply(entry);
    }

    /** The single-valued key written {@code text}, if there is one. */
    public static Optional<OriginKey> single(String text) {
        return Optional.ofNullable(SINGLE.get(text));
    }

    /** The map key written {@code text} ({@code headers} or {@code labels}), if there is one. */
    public static Optional<OriginKey> map(String text) {
        return Optional.ofNullable(MAPS.get(text));
    }

    /*
     * Looked up once per key of every origin (four or more per origin, 100,000 origins in a large
     * origins file): maps, not a stream over the values each time.
     */
    private static final Map<String, OriginKey> SINGLE = byText(false);
    private static final Map<String, OriginKey> MAPS = byText(true);

    private static Map<String, OriginKey> byText(boolean maps) {
        Map<String, OriginKey> byText = new HashMap<>();
        for (OriginKey k : values()) {
            if ((k.scope == Scope.MAP) == maps) {
                byText.putIfAbsent(k.text, k);
            }
        }
        return Map.copyOf(byText);
    }

    @Override
    public String toString() {
        return text;
    }

    private static Function<OriginDefaults, Optional<String>> identity(
            Function<OriginSettings, Optional<String>> read) {
        return d -> d instanceof OriginSettings s ? read.apply(s) : Optional.empty();
    }
}
