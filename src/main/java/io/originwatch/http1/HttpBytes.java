package io.originwatch.http1;

/** Byte classes of RFC 9110/9112 and the escaping used for failure excerpts. */
final class HttpBytes {

    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte SP = ' ';
    static final byte HTAB = '\t';

    /** Failure excerpts are cut to about this many characters after escaping. */
    static final int MAX_EXCERPT_CHARS = 120;

    private static final String TOKEN_SPECIALS = "!#$%&'*+-.^_`|~";
    /** Case-sensitive, as RFC 9112 requires; the minor version digit follows. */
    private static final String STATUS_LINE_VERSION_PREFIX = "HTTP/1.";

    private HttpBytes() {}

    /** {@code tchar} of RFC 9110 section 5.6.2: the only bytes allowed in a field name. */
    static boolean isTokenChar(int b) {
        return b >= '0' && b <= '9'
                || b >= 'a' && b <= 'z'
                || b >= 'A' && b <= 'Z'
                || b < 0x80 && b > 0x20 && TOKEN_SPECIALS.indexOf(b) >= 0;
    }

    static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /**
     * field-vchar / SP / HTAB (RFC 9110 section 5.5), which also covers reason-phrase bytes:
     * visible ASCII, obs-text (0x80-0xFF), space and tab. Every other control byte is rejected.
     */
    static boolean isTextChar(int b) {
        return b == SP || b == HTAB || b > 0x20 && b != 0x7F;
    }

    /** Whether byte {@code b} may sit at {@code pos} (0-11) of {@code HTTP/1.d SP ddd}. */
    static boolean fitsStatusLinePrefix(int b, int pos) {
        if (pos < STATUS_LINE_VERSION_PREFIX.length()) {
            return b == STATUS_LINE_VERSION_PREFIX.charAt(pos);
        }
        return pos == 8 ? b == SP : isDigit(b);
    }

    static boolean isSpaceOrTab(int b) {
        return b == SP || b == HTAB;
    }

    /**
     * Escapes {@code buf[from, to)} for a log line: printable ASCII stays, everything else (and the
     * quote and backslash, so the excerpt can sit inside quotes unambiguously) becomes {@code \xNN}.
     * A long excerpt keeps its start and its end (where the offending byte is) around "...".
     */
    static String excerpt(byte[] buf, int from, int to) {
        StringBuilder all = new StringBuilder();
        for (int i = from; i < to; i++) {
            appendEscaped(all, buf[i] & 0xFF);
        }
        if (all.length() <= MAX_EXCERPT_CHARS) {
            return all.toString();
        }
        StringBuilder head = new StringBuilder();
        int i = from;
        while (i < to && head.length() < MAX_EXCERPT_CHARS / 2) {
            appendEscaped(head, buf[i++] & 0xFF);
        }
        StringBuilder tail = new StringBuilder();
        int j = to;
        while (j > i && tail.length() < MAX_EXCERPT_CHARS / 2 - 3) {
            StringBuilder one = new StringBuilder();
            appendEscaped(one, buf[--j] & 0xFF);
            tail.insert(0, one);
        }
        return head + "..." + tail;
    }

    private static void appendEscaped(StringBuilder out, int b) {
        if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
            out.append((char) b);
        } else {
            out.append("\\x")
                    .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }
}
