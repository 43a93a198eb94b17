package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Bodies become HAR text when they are text, base64 otherwise; a UTF-8 sequence cut by the limit stays text. */
class BodyContentTest {

    @Test
    void textStaysText() {
        Har.Content c = BodyContent.of("grüße\n".getBytes(StandardCharsets.UTF_8), 8, "text/plain", false);
        assertThat(c.text()).isEqualTo("grüße\n");
        assertThat(c.encoding()).isNull();
        assertThat(c.comment()).isNull();
    }

    @Test
    void binaryIsBase64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Har.Content c = BodyContent.of(png, 7, "image/png", false);
        assertThat(c.encoding()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(c.text())).isEqualTo(png);
    }

    @Test
    void utf8CutByTheCaptureLimitDropsOnlyTheCutCharacter() {
        byte[] full = "abc€".getBytes(StandardCharsets.UTF_8); // € is 3 bytes
        Har.Content c = BodyContent.of(Arrays.copyOf(full, 5), 100, "text/plain", true);
        assertThat(c.text()).isEqualTo("abc");
        assertThat(c.size()).isEqualTo(100);
        assertThat(c.comment()).startsWith("first 5 of 100 body bytes kept");
    }

    @Test
    void nothingKeptHasNoText() {
        Har.Content c = BodyContent.of(new byte[0], 0, "x-unknown", false);
        assertThat(c.text()).isNull();
        assertThat(c.size()).isZero();
    }
}
