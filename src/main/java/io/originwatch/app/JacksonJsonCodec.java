package io.originwatch.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.edge.ranges.JsonCodec;

/**
 * The edge package's {@link JsonCodec}, backed by Jackson. Untyped binding already yields the plain
 * trees the contract names (LinkedHashMap, ArrayList, String, Integer/Long/BigInteger/Double, Boolean,
 * null). A mapper of its own rather than Quarkus' shared one: the cache file format and the parse rules
 * must not change when someone tunes {@code quarkus.jackson.*} for the REST API.
 */
public final class JacksonJsonCodec implements JsonCodec {

    // A second value after the document ("{} []") means the body is not the one document we asked for.
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public Object parse(String text) throws MalformedJson {
        try {
            return mapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            // the original message leaves out Jackson's source excerpt; callers quote the body themselves
            throw new MalformedJson(e.getOriginalMessage(), e);
        }
    }

    @Override
    public String write(Object tree) {
        return write(tree, false);
    }

    @Override
    public String writeIndented(Object tree) {
        return write(tree, true);
    }

    private String write(Object tree, boolean indented) {
        try {
            return indented
                    ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                    : mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // only a value outside the plain-tree contract can fail to serialise: a programming error
            throw new IllegalArgumentException("not a plain JSON tree: " + e.getOriginalMessage(), e);
        }
    }
}
