package io.originwatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** The encoder the framework injects in production (Jackson), for tests of the plain sinks. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Function<Object, String> ENCODER = Json::write;

    private Json() {}

    static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
