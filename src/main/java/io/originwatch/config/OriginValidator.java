package io.originwatch.config;

import static io.originwatch.config.ConfigValues.quoted;
import static io.originwatch.config.ConfigValues.quotedUrl;

import io.originwatch.classify.EdgeLimits;
import io.originwatch.http1.ResponseHeadParser;
import io.originwatch.origin.Origin;
import io.originwatch.probe.ClientCertificate;
import io.originwatch.probe.FileValue;
import io.originwatch.probe.HttpVersion;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.StatusSet;
import io.originwatch.probe.TlsProfile;
import io.originwatch.probe.TlsTrust;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns raw origins into {@link Origin}s: the one place where configuration becomes domain records.
 * Never stops at the first problem: every error is collected, each naming its key and value.
 * Defaults are checked once under their own keys, then each origin's own values.
 */
public final class OriginValidator {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    /** Shorter intervals would let one origin dominate the probe budget. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    /** Far above any edge's limit; guards against a typo allocating a huge parse budget. */
    public static final int MAX_HEADER_LIMIT_BYTES = 1024 * 1024;

    public static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");
    /** RFC 9110 token characters, for header names. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Compiled once, not per origin (String.matches compiles its pattern on every call). */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9.:\\[\\]_-]+");

    private final String userAgent;
    private final ProbeDefaults defaults;

    /** Typed defaults after validation; fields fall back to the built-in values. */
    private record ProbeDefaults(
            Duration interval,
            Duration connectTimeout,
            Duration responseTimeout,
            int headerLimit,
            StatusSet expectStatus,
            boolean tlsVerify,
            Path trustCa,
            TlsTrust tlsTrust,
            TlsProfile tlsProfile,
            ClientCertificate clientCertificate,
            String method,
            HttpVersion httpVersion,
            Map<String, ProbeSpec.RequestHeader> headers,
            Map<String, String> labels) {}

    /** Validates {@code defaults} (keys {@code originwatch.defaults.*}) into {@code errors}. */
    public OriginValidator(RawOrigin defaults, String userAgent, List<ConfigError> errors) {
        this.userAgent = userAgent;
        ProbeDefaults builtIn = new ProbeDefaults(
                DEFAULT_INTERVAL,
                EdgeLimits.DEFAULT_CONNECT_TIMEOUT,
                EdgeLimits.DEFAULT_RESPONSE_TIMEOUT,
                EdgeLimits.DEFAULT_HEADER_LIMIT_BYTES,
                StatusSet.DEFAULT,
                true,
                null,
                TlsTrust.ADD,
                TlsProfile.EDGE,
                null,
                "GET",
                HttpVersion.AUTO,
                Map.of(),
                Map.of());
        this.defaults = resolve(defaults, builtIn, errors);
    }

    /**
     * Validates one source's origins. {@code names} maps names already taken (by earlier sources) to
     * the key that took them, and is updated, so duplicates across sources are caught too.
     */
    public List<Origin> validate(List<RawOrigin> raws, Map<String, String> names, List<ConfigError> errors) {
        return validate(raws, names, errors, UnaryOperator.identity());
    }

    /**
     * {@link #validate(List, Map, List)}, each valid origin passed through {@code sharing} as it is
     * made (a reload gives it {@link Origin#sharing} with the running origin of the same name, so the
     * copy made here is let go at once when it equals the running one).
     */
    public List<Origin> validate(
            List<RawOrigin> raws, Map<String, String> names, List<ConfigError> errors, UnaryOperator<Origin> sharing) {
        List<Origin> out = new ArrayList<>();
        for (RawOrigin raw : raws) {
            int before = errors.size();
            String name = name(raw, names, errors);
            URI url = url(raw, errors);
            String host = host(raw, url, errors);
            ProbeDefaults p = resolve(raw, defaults, errors);
            URI viaEdge = viaEdgeUrl(raw, errors);
            if (url != null && p.httpVersion() == HttpVersion.HTTP_2 && !"https".equalsIgnoreCase(url.getScheme())) {
                errors.add(new ConfigError(
                        raw.keyOf(OriginKey.HTTP_VERSION),
                        "\"2\" needs an https url (the edge speaks HTTP/2 to origins only over TLS), got "
                                + quotedUrl(url.toString())));
            }
            if (p.tlsTrust() == TlsTrust.REPLACE && p.trustCa() == null && raw.value(OriginKey.TRUST_CA) == null) {
                errors.add(new ConfigError(
                        raw.keyOf(OriginKey.TLS_TRUST),
                        "replace needs a trust-ca (only trust-ca is trusted then), and none is set"));
            }
            if (errors.size() == before) {
                ProbeSpec spec = ProbeSpec.builder()
                        .name(name)
                        .url(url)
                        .host(host)
                        .method(p.method())
                        .headers(List.copyOf(p.headers().values()))
                        .connectTimeout(p.connectTimeout())
                        .responseTimeout(p.responseTimeout())
                        .headerLimitBytes(p.headerLimit())
                        .bodyLimitBytes(EdgeLimits.DEFAULT_BODY_LIMIT_BYTES)
                        .expectStatus(p.expectStatus())
                        .tlsVerify(p.tlsVerify())
                        .trustCa(p.trustCa())
                        .tlsTrust(p.tlsTrust())
                        .tlsProfile(p.tlsProfile())
                        .clientCertificate(p.clientCertificate())
                        .userAgent(userAgent)
                        .httpVersion(p.httpVersion())
                        .build();
                out.add(sharing.apply(
                        new Origin(spec, p.interval(), p.labels(), raw.key(), viaEdgeSpec(spec, viaEdge))));
            }
        }
        return out;
    }

    private static String name(RawOrigin raw, Map<String, String> names, List<ConfigError> errors) {
        String key = raw.keyOf(OriginKey.NAME);
        String name = raw.value(OriginKey.NAME);
        if (name == null || name.isBlank()) {
            errors.add(new ConfigError(key, "required"));
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            errors.add(new ConfigError(key, "must match [a-z0-9._-]+, got " + quoted(name)));
            return null;
        }
        String earlier = names.putIfAbsent(name, key);
        if (earlier != null) {
            errors.add(new ConfigError(key, "duplicate name " + quoted(name) + ", already used by " + earlier));
            return null;
        }
        return name;
    }

    private static URI url(RawOrigin raw, List<ConfigError> errors) {
        return url(raw, errors, OriginKey.URL);
    }

    /** Checks the http(s) URL in {@code raw}'s {@code url} value; errors name {@code keyName}. */
    private static URI url(RawOrigin raw, List<ConfigError> errors, OriginKey keyName) {
        String key = raw.keyOf(keyName);
        String text = raw.value(OriginKey.URL);
        if (text == null || text.isBlank()) {
            errors.add(new ConfigError(key, "required"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            errors.add(new ConfigError(key, "not a valid URL (" + e.getReason() + "), got " + quotedUrl(text)));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add(new ConfigError(
                    key,
                    "scheme must be http or https, got " + quoted(uri.getScheme() == null ? "" : uri.getScheme())));
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            errors.add(new ConfigError(key, "must name a host (and optional port), got " + quotedUrl(text)));
            return null;
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            errors.add(new ConfigError(key, "must not carry user info or a fragment, got " + quotedUrl(text)));
            return null;
        }
        return uri;
    }

    /** Optional {@code via-edge-url}: the site's public URL, probed through the edge (issue 7). */
    private static URI viaEdgeUrl(RawOrigin raw, List<ConfigError> errors) {
        if (raw.value(OriginKey.VIA_EDGE_URL) == null) {
            return null;
        }
        return url(
                new RawOrigin(raw.key(), Map.of(OriginKey.URL, raw.value(OriginKey.VIA_EDGE_URL)), Map.of(), Map.of()),
                errors,
                OriginKey.VIA_EDGE_URL);
    }

    /**
     * The same request through the edge: normal DNS for the public URL's host, which is also Host and
     * SNI; the certificate is always verified (an edge serves a publicly trusted one; the origin's
     * trust-ca stays trusted as well, which lets tests and private edges work).
     */
    private static ProbeSpec viaEdgeSpec(ProbeSpec direct, URI url) {
        if (url == null) {
            return null;
        }
        return direct.toBuilder()
                .url(url)
                .host(stripBrackets(url.getHost()))
                .tlsVerify(true)
                // the edge serves a publicly trusted certificate, and is no origin to offer the edge's hello to
                .tlsTrust(TlsTrust.ADD)
                .tlsProfile(TlsProfile.JDK)
                .build();
    }

    private static String host(RawOrigin raw, URI url, List<ConfigError> errors) {
        String host = raw.value(OriginKey.HOST);
        if (host == null) {
            return url == null ? null : stripBrackets(url.getHost());
        }
        if (host.isBlank() || !HOST_NAME.matcher(host.trim()).matches()) {
            errors.add(new ConfigError(raw.keyOf(OriginKey.HOST), "must be a host name, got " + quoted(host)));
            return null;
        }
        return host.trim();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Reads the probe settings of {@code raw}, falling back to {@code base} for absent keys. */
    private static ProbeDefaults resolve(RawOrigin raw, ProbeDefaults base, List<ConfigError> errors) {
        Duration interval = orElse(duration(raw, OriginKey.INTERVAL, MIN_INTERVAL, errors), base.interval());
        Duration connect = orElse(duration(raw, OriginKey.CONNECT_TIMEOUT, MIN_TIMEOUT, errors), base.connectTimeout());
        Duration response =
                orElse(duration(raw, OriginKey.RESPONSE_TIMEOUT, MIN_TIMEOUT, errors), base.responseTimeout());
        Integer limit = raw.value(OriginKey.HEADER_LIMIT) == null
                ? Integer.valueOf(base.headerLimit())
                : ConfigValues.integer(
                        raw.keyOf(OriginKey.HEADER_LIMIT),
                        raw.value(OriginKey.HEADER_LIMIT),
                        ResponseHeadParser.MIN_HEADER_LIMIT_BYTES,
                        MAX_HEADER_LIMIT_BYTES,
                        "bytes",
                        errors);
        StatusSet expect = orElse(expectStatus(raw, errors), base.expectStatus());
        Boolean verify = raw.value(OriginKey.TLS_VERIFY) == null
                ? Boolean.valueOf(base.tlsVerify())
                : ConfigValues.bool(raw.keyOf(OriginKey.TLS_VERIFY), raw.value(OriginKey.TLS_VERIFY), errors);
        Path trustCa = orElse(trustCa(raw, errors), base.trustCa());
        TlsTrust tlsTrust = orElse(
                choice(raw, OriginKey.TLS_TRUST, TlsTrust::parse, "must be add or replace", errors), base.tlsTrust());
        TlsProfile tlsProfile = orElse(
                choice(raw, OriginKey.TLS_PROFILE, TlsProfile::parse, "must be edge or jdk", errors),
                base.tlsProfile());
        ClientCertificate client = clientCertificate(raw, base.clientCertificate(), errors);
        String method = orElse(method(raw, errors), base.method());
        HttpVersion httpVersion = orElse(httpVersion(raw, errors), base.httpVersion());
        Map<String, ProbeSpec.RequestHeader> headers = new LinkedHashMap<>(base.headers());
        headers.putAll(headers(raw, errors));
        Map<String, String> labels = new LinkedHashMap<>(base.labels());
        labels.putAll(raw.labels());
        return new ProbeDefaults(
                interval,
                connect,
                response,
                limit == null ? 0 : limit,
                expect,
                verify == null || verify,
                trustCa,
                tlsTrust,
                tlsProfile,
                client,
                method,
                httpVersion,
                headers,
                labels);
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static Duration duration(RawOrigin raw, OriginKey name, Duration min, List<ConfigError> errors) {
        String text = raw.value(name);
        return text == null ? null : ConfigValues.duration(raw.keyOf(name), text, min, errors);
    }

    private static StatusSet expectStatus(RawOrigin raw, List<ConfigError> errors) {
        String text = raw.value(OriginKey.EXPECT_STATUS);
        if (text == null) {
            return null;
        }
        try {
            return StatusSet.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(raw.keyOf(OriginKey.EXPECT_STATUS), e.getMessage()));
            return null;
        }
    }

    private static Path trustCa(RawOrigin raw, List<ConfigError> errors) {
        String text = raw.value(OriginKey.TRUST_CA);
        if (text == null) {
            return null;
        }
        Path path = Path.of(text.trim());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            errors.add(new ConfigError(raw.keyOf(OriginKey.TRUST_CA), "no readable PEM file at " + quoted(text)));
            return null;
        }
        return path;
    }

    /**
     * {@code tls-client-certificate} and {@code tls-client-key}, each falling back to {@code base}'s:
     * both or neither, both readable PEM, and a pair. A pair inherited whole was checked with the
     * defaults and is not read again for every origin.
     */
    private static ClientCertificate clientCertificate(
            RawOrigin raw, ClientCertificate base, List<ConfigError> errors) {
        String certText = raw.value(OriginKey.TLS_CLIENT_CERTIFICATE);
        String keyText = raw.value(OriginKey.TLS_CLIENT_KEY);
        if (certText == null && keyText == null) {
            return base;
        }
        Path cert = certText != null ? Path.of(certText.trim()) : base == null ? null : base.certificate();
        Path key = keyText != null ? Path.of(keyText.trim()) : base == null ? null : base.key();
        if (cert == null || key == null) {
            OriginKey missing = cert == null ? OriginKey.TLS_CLIENT_CERTIFICATE : OriginKey.TLS_CLIENT_KEY;
            OriginKey given = cert == null ? OriginKey.TLS_CLIENT_KEY : OriginKey.TLS_CLIENT_CERTIFICATE;
            errors.add(new ConfigError(raw.keyOf(missing), "required when " + given.text() + " is set"));
            return null;
        }
        ClientCertificate client = new ClientCertificate(cert, key);
        try {
            client.load();
        } catch (ClientCertificate.Unusable e) {
            OriginKey at = e.inKey() ? OriginKey.TLS_CLIENT_KEY : OriginKey.TLS_CLIENT_CERTIFICATE;
            errors.add(new ConfigError(raw.keyOf(at), e.getMessage()));
            return null;
        }
        return client;
    }

    private static String method(RawOrigin raw, List<ConfigError> errors) {
        String text = raw.value(OriginKey.METHOD);
        if (text == null) {
            return null;
        }
        String m = text.trim().toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("HEAD")) {
            errors.add(new ConfigError(raw.keyOf(OriginKey.METHOD), "must be GET or HEAD, got " + quoted(text)));
            return null;
        }
        return m;
    }

    /** One of a key's named values, via {@code parse}; {@code must} says which when it is none. */
    private static <T> T choice(
            RawOrigin raw,
            OriginKey key,
            java.util.function.Function<String, java.util.Optional<T>> parse,
            String must,
            List<ConfigError> errors) {
        String text = raw.value(key);
        if (text == null) {
            return null;
        }
        T v = parse.apply(text).orElse(null);
        if (v == null) {
            errors.add(new ConfigError(raw.keyOf(key), must + ", got " + quoted(text)));
        }
        return v;
    }

    private static HttpVersion httpVersion(RawOrigin raw, List<ConfigError> errors) {
        String text = raw.value(OriginKey.HTTP_VERSION);
        if (text == null) {
            return null;
        }
        HttpVersion v = HttpVersion.parse(text).orElse(null);
        if (v == null) {
            errors.add(new ConfigError(
                    raw.keyOf(OriginKey.HTTP_VERSION), "must be auto, \"1.1\" or \"2\", got " + quoted(text)));
        }
        return v;
    }

    private static Map<String, ProbeSpec.RequestHeader> headers(RawOrigin raw, List<ConfigError> errors) {
        Map<String, ProbeSpec.RequestHeader> ok = new LinkedHashMap<>();
        raw.headers().forEach((name, value) -> {
            String key = raw.keyOf(OriginKey.HEADERS) + "." + name;
            if (!TOKEN.matcher(name).matches()) {
                errors.add(new ConfigError(key, "not a valid header name, got " + quoted(name)));
            } else if (name.equalsIgnoreCase("host")) {
                errors.add(new ConfigError(key, "set the Host header with the host key"));
            } else if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                // the value may be a credential: say what is wrong, never what it is
                errors.add(new ConfigError(
                        key,
                        "header value must be one line, got " + ApiSettings.redacted(value) + " with a line break"));
            } else {
                ok.put(name, new ProbeSpec.RequestHeader(name, value));
            }
        });
        raw.headerFiles().forEach((name, path) -> {
            String key = raw.keyOf(OriginKey.HEADER_FILES) + "." + name;
            if (!TOKEN.matcher(name).matches()) {
                errors.add(new ConfigError(key, "not a valid header name, got " + quoted(name)));
            } else if (name.equalsIgnoreCase("host")) {
                errors.add(new ConfigError(key, "set the Host header with the host key"));
            } else if (raw.headers().containsKey(name)) {
                errors.add(new ConfigError(key, "also set under headers: set the header in one of the two"));
            } else if (path == null || path.isBlank()) {
                errors.add(new ConfigError(key, "must name a file"));
            } else {
                try {
                    ok.put(name, new ProbeSpec.RequestHeader(name, null, new FileValue(Path.of(path.strip()))));
                } catch (FileValue.Unusable e) {
                    // the message names the path and the problem, never the file's content
                    errors.add(new ConfigError(key, "the file " + quoted(path.strip()) + " " + e.getMessage()));
                }
            }
        });
        return ok;
    }
}
