package io.originwatch.probe;

import io.originwatch.http1.RedactionRule;
import io.originwatch.http2.Field;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one request a probe sends over HTTP/2: the same request as {@link RequestHead}, in h2's
 * terms. {@code :authority} carries the site name the HTTP/1.1 Host would; field names are
 * lower-case; fields that only mean something on an HTTP/1.1 connection are not sent (RFC 9113
 * section 8.2.2 makes a request carrying them malformed).
 */
final class H2Request {

    /** Not sent over h2: :authority replaces Host; the rest are connection-specific. */
    private static final Set<String> NOT_SENT =
            Set.of("host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te");

    private H2Request() {}

    /**
     * The request's fields, pseudo-fields first.
     *
     * @throws IllegalArgumentException when a configured header is not a valid field
     */
    static List<Field> fields(ProbeSpec spec) {
        return fields(spec, false);
    }

    /** The fields as kept for evidence: a header from a file reads {@code [redacted]}. */
    static List<Field> evidenceFields(ProbeSpec spec) {
        return fields(spec, true);
    }

    private static List<Field> fields(ProbeSpec spec, boolean redacted) {
        String path = spec.url().getRawPath() == null || spec.url().getRawPath().isEmpty()
                ? "/"
                : spec.url().getRawPath();
        String query = spec.url().getRawQuery() == null ? "" : "?" + spec.url().getRawQuery();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(":method", spec.method().toUpperCase(Locale.ROOT)));
        fields.add(new Field(":scheme", "https"));
        fields.add(new Field(":authority", spec.host()));
        fields.add(new Field(":path", path + query));
        if (!configured(spec, "user-agent")) {
            fields.add(field("user-agent", spec.userAgent()));
        }
        if (!configured(spec, "accept")) {
            fields.add(field("accept", "*/*"));
        }
        for (ProbeSpec.RequestHeader h : spec.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!NOT_SENT.contains(name)) {
                fields.add(field(name, redacted && h.secret() ? RedactionRule.REDACTED : h.value()));
            }
        }
        return fields;
    }

    /**
     * The fields as HTTP/1.1-style text for evidence (HAR, curl line): {@code METHOD path HTTP/2},
     * then one {@code name: value} line per field, pseudo-fields included, as browsers export h2.
     */
    static byte[] evidence(List<Field> fields) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(value(fields, ":method"))
                .append(' ')
                .append(value(fields, ":path"))
                .append(" HTTP/2\r\n");
        for (Field f : fields) {
            sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A decoded response head block as {@code HTTP/2 status} plus its other fields as lines, for
     * evidence, appended to {@code out} up to {@link Evidence#MAX_HEAD_BYTES}.
     */
    static void evidence(ByteArrayOutputStream out, List<Field> fields) {
        StringBuilder sb = new StringBuilder(256);
        String status = value(fields, ":status");
        sb.append("HTTP/2 ").append(status.isEmpty() ? "(no :status)" : status).append("\r\n");
        for (Field f : fields) {
            if (!f.name().equals(":status")) {
                sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
            }
        }
        sb.append("\r\n");
        byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, Math.min(b.length, Math.max(0, Evidence.MAX_HEAD_BYTES - out.size())));
    }

    private static String value(List<Field> fields, String name) {
        return fields.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .map(Field::value)
                .orElse("");
    }

    private static boolean configured(ProbeSpec spec, String lowerName) {
        return spec.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase(lowerName));
    }

    private static Field field(String name, String value) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c > '~')) {
            throw new IllegalArgumentException("request header name \"" + name + "\" is not a valid token");
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("request header " + name + " contains CR, LF or NUL");
        }
        return new Field(name, value);
    }
}
