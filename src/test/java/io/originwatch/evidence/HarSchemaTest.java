package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema itself rejects what HAR 1.2 forbids, so a passing HAR test means something. */
class HarSchemaTest {

    record Bad(String name, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ENTRY = """
            {"startedDateTime":"2026-11-23T20:15:30.123Z","time":1,"request":{"method":"GET","url":"http://a.test/",
            "httpVersion":"HTTP/1.1","cookies":[],"headers":[],"queryString":[],"headersSize":10,"bodySize":0},
            "response":{"status":0,"statusText":"","httpVersion":"","cookies":[],"headers":[],
            "content":{"size":0,"mimeType":"x-unknown"},"redirectURL":"","headersSize":-1,"bodySize":-1},
            "cache":{},"timings":{"send":0,"wait":0,"receive":0}%s}""";

    private static String doc(String entryExtra) {
        return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"o\",\"version\":\"1\"},\"entries\":["
                + ENTRY.formatted(entryExtra) + "]}}";
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad("custom field without underscore", doc(",\"cause\":\"x\"")),
                new Bad("null where a field must be omitted", doc(",\"serverIPAddress\":null")),
                new Bad("not an IP address", doc(",\"serverIPAddress\":\"shop.example.com\"")),
                new Bad("negative wait", doc("").replace("\"wait\":0", "\"wait\":-1")),
                new Bad("status as text", doc("").replace("\"status\":0", "\"status\":\"0\"")),
                new Bad("version 1.1", doc("").replace("\"1.2\"", "\"1.1\"")),
                new Bad("date without time", doc("").replace("2026-11-23T20:15:30.123Z", "2026-11-23")),
                new Bad("missing cache", doc("").replace("\"cache\":{},", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void rejects(Bad bad) {
        assertThat(HarSchema.errors(bad.json().getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void acceptsTheMinimalValidDocumentWithCustomFields() {
        assertThat(HarSchema.errors(
                        doc(",\"_cause\":\"ok\",\"serverIPAddress\":\"::1\"").getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
