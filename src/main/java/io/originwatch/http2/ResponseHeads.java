package io.originwatch.http2;

import java.util.List;
import java.util.Set;

/**
 * RFC 9113's rules for a response head (sections 8.2 and 8.3.2), applied to the decoded fields in
 * wire order. The first rule broken decides the failure:
 * <ol>
 * <li>every pseudo-field comes before every regular field, and the only one a response may carry is
 *     {@code :status}, exactly once, three digits, 100-599, not 101 (section 8.6);</li>
 * <li>names are non-empty and carry no uppercase letter, no byte 0x00-0x20 or 0x7F-0xFF and no
 *     colon after the first byte;</li>
 * <li>values carry no NUL, CR or LF and neither start nor end with space or tab;</li>
 * <li>no connection-specific field ({@link #CONNECTION_SPECIFIC}).</li>
 * </ol>
 */
final class ResponseHeads {

    /** Section 8.2.2: fields that only mean something on an HTTP/1.1 connection. */
    static final Set<String> CONNECTION_SPECIFIC =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

    private ResponseHeads() {}

    /** The status, or -1 after putting the failure into {@code why[0]}. */
    static int check(List<Field> fields, String[] why) {
        int status = -1;
        boolean regularSeen = false;
        for (Field f : fields) {
            String name = f.name();
            if (name.startsWith(":")) {
                if (regularSeen) {
                    return malformed(why, "pseudo-field " + WireBytes.excerpt(name) + " after a regular field");
                }
                if (!name.equals(":status")) {
                    return malformed(why, "pseudo-field " + WireBytes.excerpt(name) + " is not allowed in a response");
                }
                if (status != -1) {
                    return malformed(why, "duplicate :status");
                }
                status = statusOf(f.value());
                if (status < 0) {
                    return malformed(why, ":status \"" + WireBytes.excerpt(f.value()) + "\" is not 3 digits 100-599");
                }
                if (status == 101) {
                    return malformed(why, ":status 101 (Switching Protocols) does not exist in HTTP/2");
                }
                continue;
            }
            regularSeen = true;
            String bad = nameProblem(name);
            if (bad == null) {
                bad = valueProblem(f.value());
            }
            if (bad == null && CONNECTION_SPECIFIC.contains(name)) {
                bad = "connection-specific field";
            }
            if (bad != null) {
                return malformed(why, "field \"" + WireBytes.excerpt(name) + "\": " + bad);
            }
        }
        if (status == -1) {
            return malformed(why, "no :status");
        }
        return status;
    }

    private static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return "uppercase letter in the name";
            }
            if (c <= 0x20 || c >= 0x7F || c == ':') {
                return "byte 0x" + Integer.toHexString(c) + " not allowed in a name";
            }
        }
        return null;
    }

    private static String valueProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                return "NUL, CR or LF in the value";
            }
        }
        if (!value.isEmpty()) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
                return "value starts or ends with whitespace";
            }
        }
        return null;
    }

    private static int statusOf(String v) {
        if (v.length() != 3) {
            return -1;
        }
        int s = 0;
        for (int i = 0; i < 3; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            s = s * 10 + (c - '0');
        }
        return s >= 100 && s <= 599 ? s : -1;
    }

    private static int malformed(String[] why, String reason) {
        why[0] = reason;
        return -1;
    }
}
