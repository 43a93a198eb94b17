package io.originwatch.probe;

import io.originwatch.http1.RedactionRule;
import java.util.List;

/**
 * The one request a probe sends. Host and Connection belong to the probe (the Host is the site
 * name, and one request per connection needs {@code Connection: close}); a configured header with
 * the name of another default (User-Agent, Accept) replaces it.
 *
 * <p>Built on every probe, so built lean: one pass checks every line and counts its bytes, a second
 * writes them into one array of exactly that size (ISO-8859-1, a character above U+00FF, or a
 * surrogate pair, becoming one {@code ?} as {@link String#getBytes} does). No streams, no builder, no
 * intermediate string; {@link #hasSecret} lets the prober keep the wire bytes as evidence when no
 * header needs redacting, instead of building the same bytes twice.
 */
public final class RequestHead {

    private static final String REQUEST_LINE_END = " HTTP/1.1\r\n";
    private static final String SEPARATOR = ": ";
    private static final String CRLF = "\r\n";

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

    /**
     * True when some configured header's value comes from a file, so that {@link #evidence} differs
     * from {@link #build}; when false, the two are the same bytes.
     */
    public static boolean hasSecret(ProbeSpec spec) {
        List<ProbeSpec.RequestHeader> headers = spec.headers();
        for (int i = 0, n = headers.size(); i < n; i++) {
            if (headers.get(i).secret()) {
                return true;
            }
        }
        return false;
    }

    private static byte[] build(ProbeSpec spec, boolean evidence) {
        String rawPath = spec.url().getRawPath();
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String query = spec.url().getRawQuery();
        List<ProbeSpec.RequestHeader> headers = spec.headers();
        int count = headers.size();
        boolean defaultUserAgent = !configured(headers, "user-agent");
        boolean defaultAccept = !configured(headers, "accept");
        // A file's value is read once (it may change between two reads) and used for both passes.
        String[] values = count == 0 ? null : new String[count];

        // Pass 1: check every line in the order it goes out (the first bad one is reported) and count.
        int size = latin1Length(spec.method()) + 1 + latin1Length(path);
        if (query != null) {
            size += 1 + latin1Length(query);
        }
        size += REQUEST_LINE_END.length();
        size += checkedLine("Host", spec.host());
        if (defaultUserAgent) {
            size += checkedLine("User-Agent", spec.userAgent());
        }
        if (defaultAccept) {
            size += checkedLine("Accept", "*/*");
        }
        size += checkedLine("Connection", "close");
        for (int i = 0; i < count; i++) {
            ProbeSpec.RequestHeader h = headers.get(i);
            if (!owned(h.name())) {
                String value = evidence && h.secret() ? RedactionRule.REDACTED : h.value();
                values[i] = value;
                size += checkedLine(h.name(), value);
            }
        }
        size += CRLF.length();

        // Pass 2: write.
        byte[] out = new byte[size];
        int at = put(out, 0, spec.method());
        out[at++] = ' ';
        at = put(out, at, path);
        if (query != null) {
            out[at++] = '?';
            at = put(out, at, query);
        }
        at = put(out, at, REQUEST_LINE_END);
        at = line(out, at, "Host", spec.host());
        if (defaultUserAgent) {
            at = line(out, at, "User-Agent", spec.userAgent());
        }
        if (defaultAccept) {
            at = line(out, at, "Accept", "*/*");
        }
        at = line(out, at, "Connection", "close");
        for (int i = 0; i < count; i++) {
            if (values[i] != null) {
                at = line(out, at, headers.get(i).name(), values[i]);
            }
        }
        at = put(out, at, CRLF);
        if (at != size) {
            throw new IllegalStateException("request head: counted " + size + " bytes, wrote " + at);
        }
        return out;
    }

    private static boolean configured(List<ProbeSpec.RequestHeader> headers, String lowerName) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            if (headers.get(i).name().equalsIgnoreCase(lowerName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Host or Connection, as {@code name.toLowerCase(Locale.ROOT)} would say, without the copy: no
     * character outside ASCII lower-cases to a letter of either word (the Kelvin sign's k is in
     * neither), so comparing ASCII case-insensitively decides the same.
     */
    private static boolean owned(String name) {
        return asciiEqualsIgnoreCase(name, "host") || asciiEqualsIgnoreCase(name, "connection");
    }

    private static boolean asciiEqualsIgnoreCase(String s, String lower) {
        if (s.length() != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Checks one header line and returns its length in bytes. */
    private static int checkedLine(String name, String value) {
        if (name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("request header name \"" + name + "\" is not a valid token");
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("request header " + name + " contains CR, LF or NUL");
            }
        }
        return name.length() + SEPARATOR.length() + latin1Length(value) + CRLF.length();
    }

    private static boolean isToken(String name) {
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == ':' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static int line(byte[] out, int at, String name, String value) {
        at = put(out, at, name);
        at = put(out, at, SEPARATOR);
        at = put(out, at, value);
        return put(out, at, CRLF);
    }

    /** Bytes of {@code s} in ISO-8859-1 with {@code ?} for what does not map (a surrogate pair is one). */
    private static int latin1Length(String s) {
        int n = s.length();
        int length = n;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xFF && pairAt(s, i)) {
                length--;
                i++;
            }
        }
        return length;
    }

    private static int put(byte[] out, int at, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= 0xFF) {
                out[at++] = (byte) c;
            } else {
                if (pairAt(s, i)) {
                    i++;
                }
                out[at++] = '?';
            }
        }
        return at;
    }

    private static boolean pairAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i))
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
