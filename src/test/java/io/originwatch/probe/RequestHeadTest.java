package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lean {@link RequestHead} sends and keeps exactly the bytes the implementation before issue 20
 * did ({@link LegacyRequestHead}), and refuses exactly the specs it refused, with the same message.
 */
class RequestHeadTest {

    @TempDir
    static Path dir;

    record Case(String name, ProbeSpec spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ProbeBuilder base() {
        return ProbeBuilder.probe()
                .name("shop")
                .url("http://192.0.2.10:8080/")
                .host("shop.example.com")
                .userAgent("originwatch/1.0");
    }

    private static ProbeSpec.RequestHeader secret(String name, String content) {
        try {
            Path file = Files.createTempFile(dir, "header", ".txt");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return new ProbeSpec.RequestHeader(name, null, new FileValue(file));
        } catch (IOException | FileValue.Unusable e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProbeSpec.RequestHeader literal(String name, String value) {
        return new ProbeSpec.RequestHeader(name, value);
    }

    static Stream<Case> valid() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("defaults", base().spec()));
        for (String method : List.of("GET", "HEAD", "POST", "OPTIONS", "PURGE", "get")) {
            cases.add(new Case("method " + method, base().method(method).spec()));
        }
        for (String url : List.of(
                "http://192.0.2.10",
                "http://192.0.2.10:8080",
                "http://192.0.2.10/health",
                "http://192.0.2.10/a/b/c?x=1&y=2",
                "http://192.0.2.10/?",
                "http://192.0.2.10?only=query",
                "http://192.0.2.10/p%20q?r=%2F%3F#fragment",
                "https://[2001:db8::1]:8443/status?full",
                "http://192.0.2.10/caf\u00e9/\u00fc?q=\u00e9",
                "http://192.0.2.10/\u20ac/\ud83d\ude00?e=\u20ac\ud83d\ude00x")) {
            cases.add(new Case("url " + url, base().url(URI.create(url)).spec()));
        }
        cases.add(new Case(
                "configured User-Agent", base().header("User-Agent", "custom/2").spec()));
        cases.add(new Case(
                "configured user-agent, lower case",
                base().header("user-agent", "custom/2").spec()));
        cases.add(new Case(
                "configured Accept", base().header("ACCEPT", "text/html").spec()));
        cases.add(new Case(
                "configured both, after others",
                base().header("X-One", "1")
                        .header("Accept", "application/json")
                        .header("X-Two", "2")
                        .header("User-Agent", "ua")
                        .spec()));
        cases.add(new Case(
                "configured Host is the probe's",
                base().header("Host", "other.example").spec()));
        cases.add(new Case(
                "configured Connection and HOST are the probe's",
                base().header("connection", "keep-alive").header("HOST", "x").spec()));
        cases.add(new Case(
                "owned names are not checked",
                base().header("Host", "bad\r\nvalue").spec()));
        cases.add(new Case("empty value", base().header("X-Empty", "").spec()));
        cases.add(new Case(
                "tab and obs-text in a value",
                base().header("X-Latin", "a\tb \u00e9\u00ff").spec()));
        cases.add(new Case(
                "characters beyond Latin-1 in values",
                base().header("X-Wide", "\u20ac\ud83d\ude00\ud83d|\ude00end\ud83d")
                        .userAgent("ua\u2603/\ud800")
                        .spec()));
        cases.add(new Case(
                "a host beyond Latin-1",
                base().host("b\u00fccher\u4e2d.example").spec()));
        cases.add(new Case(
                "many headers",
                base().header("X-A", "a")
                        .header("X-B", "b")
                        .header("X-C", "c")
                        .header("X-D", "d")
                        .header("Cookie", "k=v; k2=v2")
                        .header("Authorization", "Bearer literal-token")
                        .spec()));
        cases.add(new Case(
                "duplicate names",
                base().header("X-Dup", "1").header("x-dup", "2").spec()));
        cases.add(new Case(
                "a secret file header",
                base().headers(List.of(secret("Authorization", "Bearer s3cret")))
                        .spec()));
        cases.add(new Case(
                "secret and literal headers, a secret User-Agent",
                base().headers(List.of(
                                literal("X-Literal", "plain"),
                                secret("User-Agent", "secret-agent/1"),
                                secret("X-Api-Key", "k3y\n"),
                                literal("Accept", "text/plain")))
                        .spec()));
        cases.add(new Case(
                "a secret Host is still the probe's",
                base().headers(List.of(secret("Host", "hidden.example"))).spec()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void wireAndEvidenceBytesAreTheLegacyOnes(Case c) {
        byte[] wire = RequestHead.build(c.spec());
        byte[] evidence = RequestHead.evidence(c.spec());
        assertThat(new String(wire, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(LegacyRequestHead.build(c.spec()), StandardCharsets.ISO_8859_1));
        assertThat(wire).isEqualTo(LegacyRequestHead.build(c.spec()));
        assertThat(evidence).isEqualTo(LegacyRequestHead.evidence(c.spec()));
        assertThat(RequestHead.hasSecret(c.spec()))
                .as("evidence differs from the wire only when a header is secret")
                .isEqualTo(c.spec().headers().stream().anyMatch(ProbeSpec.RequestHeader::secret));
        if (!RequestHead.hasSecret(c.spec())) {
            assertThat(evidence).isEqualTo(wire);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void secretValuesNeverReachTheEvidence(Case c) {
        String evidence = new String(RequestHead.evidence(c.spec()), StandardCharsets.ISO_8859_1);
        for (ProbeSpec.RequestHeader h : c.spec().headers()) {
            if (h.secret() && !h.value().isEmpty()) {
                assertThat(evidence).doesNotContain(h.value());
            }
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty name", base().header("", "v").spec()),
                Arguments.of("space in a name", base().header("X Bad", "v").spec()),
                Arguments.of("colon in a name", base().header("X:Bad", "v").spec()),
                Arguments.of("DEL in a name", base().header("X\u007fBad", "v").spec()),
                Arguments.of("non-ASCII name", base().header("X-\u00e9", "v").spec()),
                Arguments.of(
                        "long s looks like host but is no token",
                        base().header("ho\u017ft", "v").spec()),
                Arguments.of("Kelvin sign", base().header("\u212a-Key", "v").spec()),
                Arguments.of("CR in a value", base().header("X-Bad", "a\rb").spec()),
                Arguments.of("LF in a value", base().header("X-Bad", "a\nb").spec()),
                Arguments.of(
                        "NUL in a value", base().header("X-Bad", "a\u0000b").spec()),
                Arguments.of(
                        "CRLF in the User-Agent",
                        base().userAgent("ua\r\nX-Injected: 1").spec()),
                Arguments.of("LF in the host", base().host("shop.example\nX: 1").spec()),
                Arguments.of(
                        "bad name after a bad value: the first wins",
                        base().header("X-A", "a\nb").header("B C", "v").spec()),
                Arguments.of(
                        "bad name on a secret header",
                        base().headers(List.of(secret("X Secret", "v"))).spec()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesWhatTheLegacyRefusedWithItsMessage(String name, ProbeSpec spec) {
        Throwable legacy = catchThrowable(() -> LegacyRequestHead.build(spec));
        assertThat(legacy).as("the legacy refusal").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestHead.build(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(legacy.getMessage());
        Throwable legacyEvidence = catchThrowable(() -> LegacyRequestHead.evidence(spec));
        Throwable evidence = catchThrowable(() -> RequestHead.evidence(spec));
        if (legacyEvidence == null) {
            assertThat(evidence).isNull();
            assertThat(RequestHead.evidence(spec)).isEqualTo(LegacyRequestHead.evidence(spec));
        } else {
            assertThat(evidence).isInstanceOf(IllegalArgumentException.class).hasMessage(legacyEvidence.getMessage());
        }
    }
}
