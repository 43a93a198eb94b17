package io.originwatch.http1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Heads that repeat text share one copy of it, and every copy says exactly the bytes. */
class SharedStringsTest {

    private static ResponseHead parse(String head) {
        ResponseHeadParser parser = new ResponseHeadParser(32 * 1024);
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        ParseStep step = parser.feed(bytes, 0, bytes.length);
        return ((ParseStep.Complete) step).head();
    }

    @Test
    void twoOriginsHeadsShareTheirRepeatedFields() {
        String text =
                "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Type: text/plain\r\n" + "Connection: close\r\n\r\n";
        ResponseHead a = parse(text);
        ResponseHead b = parse(text);
        assertThat(b).isEqualTo(a);
        for (int i = 0; i < a.fields().size(); i++) {
            assertThat(b.fields().get(i).name()).isSameAs(a.fields().get(i).name());
            assertThat(b.fields().get(i).value()).isSameAs(a.fields().get(i).value());
        }
        assertThat(b.version()).isSameAs(a.version());
        assertThat(b.reason()).isSameAs(a.reason());
    }

    @Test
    void textLongerThanTheLimitIsNeverShared() {
        String value = "x".repeat(SharedStrings.MAX_LENGTH + 1);
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        String first = SharedStrings.latin1(bytes, 0, bytes.length);
        String second = SharedStrings.latin1(bytes, 0, bytes.length);
        assertThat(second).isEqualTo(value).isNotSameAs(first);
    }

    @Test
    void manyDifferentValuesInOneTableEachReadBackExactly() {
        // More distinct values than slots: collisions evict, and a lookup never answers another text.
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < SharedStrings.SLOTS * 3; i++) {
            String text = "v" + i + "\u00e9";
            byte[] bytes = ("<" + text + ">").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(SharedStrings.latin1(bytes, 1, bytes.length - 1)).isEqualTo(text);
            seen.add(text);
        }
        for (String text : seen) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(SharedStrings.latin1(bytes, 0, bytes.length)).isEqualTo(text);
        }
    }

    @Test
    void latin1BytesAboveAsciiDecodeAsTheirOwnCharacters() {
        byte[] bytes = {(byte) 0xE9, (byte) 0xFF, 'a'};
        assertThat(SharedStrings.latin1(bytes, 0, 3)).isEqualTo("\u00e9\u00ffa");
        assertThat(SharedStrings.latin1(bytes, 1, 1)).isEmpty();
    }
}
