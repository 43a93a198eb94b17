package io.originwatch.probe;

import io.originwatch.http1.RedactionRule;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * {@link RequestHead} as it was before issue 20 cut its allocation (streams per header line, a
 * builder, a string, then the bytes), kept verbatim as the reference its replacement must match
 * byte for byte and message for message ({@code RequestHeadTest}).
 */
final class LegacyRequestHead {

    private static final Set<String> OWNED = Set.of("host", "connection");

    private LegacyRequestHead() {}

    static byte[] build(ProbeSpec spec) {
        return build(spec, false);
    }

    static byte[] evidence(ProbeSpec spec) {
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
