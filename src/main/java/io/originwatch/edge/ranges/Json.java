package io.originwatch.edge.ranges;

import io.originwatch.edge.cidr.Cidrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON plumbing the provider parsers share: plain trees from a {@link JsonCodec}, errors that name the field. */
final class Json {

    private Json() {}

    /** The body's top-level object; an empty body, non-JSON or another top-level value is an error. */
    static Map<?, ?> read(JsonCodec codec, String body, String what) throws RangeParseException {
        if (body == null || body.isBlank()) {
            throw new RangeParseException(what + ": empty body");
        }
        Object tree;
        try {
            tree = codec.parse(body);
        } catch (JsonCodec.MalformedJson e) {
            throw new RangeParseException(
                    what + ": not JSON (" + e.getMessage() + ") near '" + Cidrs.excerpt(body.strip()) + "'");
        }
        if (!(tree instanceof Map<?, ?> object)) {
            throw new RangeParseException(what + ": not a JSON object: '" + Cidrs.excerpt(body.strip()) + "'");
        }
        return object;
    }

    /** The string array at {@code field}; missing or non-string entries are errors naming the path. */
    static List<String> strings(JsonCodec codec, Map<?, ?> parent, String field, String path)
            throws RangeParseException {
        if (!(parent.get(field) instanceof List<?> arr)) {
            throw new RangeParseException(path + "." + field + ": missing or not an array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            if (!(arr.get(i) instanceof String s)) {
                throw new RangeParseException(
                        path + "." + field + "[" + i + "]: not a string: " + codec.write(arr.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    /** The scalar at {@code field} as text; absent, null, an object or an array give null. */
    static String text(Object parent, String field) {
        if (!(parent instanceof Map<?, ?> object)) {
            return null;
        }
        Object v = object.get(field);
        return v instanceof String || v instanceof Number || v instanceof Boolean ? v.toString() : null;
    }
}
