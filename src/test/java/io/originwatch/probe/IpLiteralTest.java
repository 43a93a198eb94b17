package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ProbeRun#isIpLiteral} checks by hand what the regex it replaced matched. */
class IpLiteralTest {

    private static final Pattern LEGACY = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private static boolean legacy(String host) {
        return host.contains(":") || LEGACY.matcher(host).matches();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "1.2.3.4",
                "127.0.0.1",
                "255.255.255.255",
                "999.1.1.1",
                "01.002.3.4",
                "0.0.0.0",
                "1.2.3",
                "1.2.3.4.5",
                "1..2.3",
                "1.2.3.",
                ".1.2.3",
                ".",
                "",
                "a.b.c.d",
                "1.2.3.4a",
                "1234.1.1.1",
                "shop.example.com",
                "::1",
                "[::1]",
                "2001:db8::1",
                "\u0661.2.3.4"
            })
    void decidesAsTheRegexDid(String host) {
        assertThat(ProbeRun.isIpLiteral(host)).isEqualTo(legacy(host));
    }

    @Test
    void decidesAsTheRegexDidOnRandomStrings() {
        Random random = new Random(20);
        String alphabet = "0123456789..a:";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(18);
            for (int j = 0; j < n; j++) {
                int bound = random.nextInt(40) == 0 ? alphabet.length() : alphabet.length() - 2;
                sb.append(alphabet.charAt(random.nextInt(bound)));
            }
            String host = sb.toString();
            assertThat(ProbeRun.isIpLiteral(host)).as(host).isEqualTo(legacy(host));
        }
    }
}
