package io.originwatch.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** The JSON plumbing the provider parsers share: one mapper, errors that name the field. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode read(String body, String what) throws RangeParseException {
        if (body == null || body.isBlank()) {
            throw new RangeParseException(what + ": empty body");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new RangeParseException(what + ": not a JSON object: '" + Cidrs.excerpt(body.strip()) + "'");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RangeParseException(what + ": not JSON (" + e.getOriginalMessage() + ") near '"
                    + Cidrs.excerpt(body.strip()) + "'");
        }
    }

    /** The string array at {@code field}; missing or non-string entries are errors naming the path. */
    static List<String> strings(JsonNode parent, String field, String path) throws RangeParseException {
        JsonNode arr = parent.get(field);
        if (arr == null || !arr.isArray()) {
            throw new RangeParseException(path + "." + field + ": missing or not an array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            if (!arr.get(i).isTextual()) {
                throw new RangeParseException(path + "." + field + "[" + i + "]: not a string: " + arr.get(i));
            }
            out.add(arr.get(i).asText());
        }
        return out;
    }

    static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
