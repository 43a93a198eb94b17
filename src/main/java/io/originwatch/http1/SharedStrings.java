package io.originwatch.http1;

/**
 * One copy of the short strings many heads repeat: versions, reason phrases, header names and most
 * values ({@code Server: nginx}, {@code Content-Type}, {@code Connection: close}, and a {@code Date}
 * every probe of the same second shares). Every origin keeps its latest head, so at 100,000 origins
 * separate copies of the same five fields are about 50 MB of live heap.
 *
 * <p>A direct-mapped table of {@value #SLOTS} slots indexed by the bytes' hash: a hit returns the
 * string already there without allocating, a miss makes the string and puts it in the slot. The
 * table never grows, so it holds at most {@value #SLOTS} strings of at most {@value #MAX_LENGTH}
 * characters (longer text is never shared). Unsynchronised by design: slots are written and read
 * racily, which is safe because a {@code String} is immutable and safely published through its
 * final fields; the worst a race does is a miss.
 */
final class SharedStrings {

    static final int SLOTS = 4096;
    static final int MAX_LENGTH = 64;

    private static final String[] TABLE = new String[SLOTS];

    private SharedStrings() {}

    /** {@code bytes[from, to)} decoded as ISO-8859-1, the shared copy when one is in the table. */
    static String latin1(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return "";
        }
        if (length > MAX_LENGTH) {
            return new String(bytes, from, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + (bytes[i] & 0xFF);
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String cached = TABLE[slot];
        if (cached != null && sameText(cached, bytes, from, length)) {
            return cached;
        }
        String made = new String(bytes, from, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        TABLE[slot] = made;
        return made;
    }

    private static boolean sameText(String s, byte[] bytes, int from, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != (char) (bytes[from + i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
