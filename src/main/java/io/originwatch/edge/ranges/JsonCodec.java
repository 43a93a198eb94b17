package io.originwatch.edge.ranges;

/**
 * JSON text to and from plain Java trees, so this package reads providers' lists and its cache without
 * depending on a JSON library (the framework layer supplies the implementation).
 * <p>
 * A tree is {@code Map<String, Object>} (objects, in document order), {@code List<Object>} (arrays),
 * {@code String}, {@code Number}, {@code Boolean} or {@code null}, nested freely.
 */
public interface JsonCodec {

    /**
     * One complete JSON document as a plain tree.
     *
     * @throws MalformedJson if the text is not exactly one JSON value; the message says what is wrong,
     *                       without the text itself (callers quote an excerpt where it helps)
     */
    Object parse(String text) throws MalformedJson;

    /** A plain tree as compact, single-line JSON (for values quoted in error messages). */
    String write(Object tree);

    /** A plain tree as indented JSON, for files people may read (the range cache). */
    String writeIndented(Object tree);

    /** The text is not JSON; the message comes from the parser. */
    final class MalformedJson extends Exception {

        public MalformedJson(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
