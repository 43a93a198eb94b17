package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.edge.ranges.JsonCodec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge package's JSON contract: plain trees in document order, malformed text reported, round trip. */
class JacksonJsonCodecTest {

    private final JsonCodec codec = new JacksonJsonCodec();

    @Test
    void parsesIntoPlainTreesInDocumentOrder() throws Exception {
        Object tree = codec.parse("""
                {"z":"s","a":[1, 12345678901, 123456789012345678901234567890, 1.5, true, null, {}]}""");
        assertThat(tree).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> root = (Map<?, ?>) tree;
        assertThat(List.copyOf(root.keySet())).isEqualTo(List.of("z", "a"));
        assertThat(root.get("z")).isEqualTo("s");
        assertThat(root.get("a")).isInstanceOf(ArrayList.class);
        assertThat(root.get("a"))
                .isEqualTo(Arrays.asList(
                        1, 12345678901L, new BigInteger("123456789012345678901234567890"), 1.5, true, null, Map.of()));
    }

    @Test
    void malformedTextAndASecondValueAreErrors() {
        assertThatThrownBy(() -> codec.parse("<!DOCTYPE html>"))
                .isInstanceOf(JsonCodec.MalformedJson.class)
                .hasMessageContaining("Unexpected character ('<'");
        assertThatThrownBy(() -> codec.parse("{\"a\":1} [2]"))
                .isInstanceOf(JsonCodec.MalformedJson.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void writesCompactAndIndentedAndReadsBack() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("etag", null);
        tree.put("ipv4", List.of("192.0.2.0/24"));
        tree.put("ipv6", List.of());
        tree.put("n", Arrays.asList(7, false));
        assertThat(codec.write(tree))
                .isEqualTo("{\"etag\":null,\"ipv4\":[\"192.0.2.0/24\"],\"ipv6\":[],\"n\":[7,false]}");
        assertThat(codec.write(7)).isEqualTo("7");
        assertThat(codec.writeIndented(tree)).contains("\n  \"ipv4\" : [ \"192.0.2.0/24\" ],\n");
        assertThat(codec.parse(codec.writeIndented(tree))).isEqualTo(tree);
    }
}
