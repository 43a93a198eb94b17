package io.originwatch.probe;

import io.originwatch.http1.RedactionRule;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The one request a probe sends. Host and Connection belong to the probe (the Host is the site
 * name, and one request per connection needs {@code Connection: close}); a configured header with
 * the name of another default (User-Agent, Accept) replaces it.
 */
public final class RequestHead {

    private static final Set<String> OWNED = Set.of("host", "connection");

    private RequestHead() {}

    /**
     * The request head bytes.
     *
     * @throws IllegalArgumentException when a configured header would break the request framing
     */
    public static byte[] build(ProbeSpec spec) {
        return build(spec, false);
    }

    /**
     * The request head as kept for evidence: as sent, except that a header whose value comes from a
     * file ({@link ProbeSpec.RequestHeader#secret()}) reads {@code [redacted]}, whatever its name.
     */
    public static byte[] evidence(ProbeSpec spec) {
        return build(spec, true);
    }

    private static byte[] build(ProbeSpec spec, boolean evidence) {
        String path = spec.url().getRawPath() == null || spec.url().getRawPath().isEmpty()
                ? "/"
                : spec.url().getRawPath();
        String query = spec.url().getRawQuery() == null ? "" : "?" + spec.url().getRawQuery();
        StringBuilder sb = new StringBuilder(256);
        sb.append(spec.method()).append(' ').append(path).append(query).append(" HTTP/1.1\r\n");
        line(sb, "Host", spec.host());
        if (!configured(spec, "user-agent")) {
            line(sb, "User-Agent", spec.userAgent());
        }
        if (!configured(spec, "accept")) {
            line(sb, "Accept", "*/*");
        }
        line(sb, "Connection", "close");
        for (ProbeSpec.RequestHeader h : spec.headers()) {
            if (!OWNED.contains(h.name().toLowerCase(Locale.ROOT))) {
                line(sb, h.name(), evidence && h.secret() ? RedactionRule.REDACTED : h.value());
            }
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean configured(ProbeSpec spec, String lowerName) {
        return spec.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase(lowerName));
    }

    private static void line(StringBuilder sb, String name, String value) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c > '~')) {
            throw new IllegalArgumentException("request header name \"" + name + "\" is not a valid token");
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("request header " + name + " contains CR, LF or NUL");
        }
        sb.append(name).append(": ").append(value).append("\r\n");
    }
}
