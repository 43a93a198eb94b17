package io.originwatch.http1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The one redaction rule: which names are secret, what URLs keep, what a broken header's excerpt shows. */
class RedactionRuleTest {

    private static final RedactionRule RULE = new RedactionRule(List.of("X-Tenant"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Authorization, true",
        "proxy-authorization, true",
        "Cookie, true",
        "Set-Cookie, true",
        "X-Api-Key, true",
        "X-ApiKey, true",
        "api_key, true",
        "CF-Access-Client-Secret, true",
        "CF-Access-Client-Id, true",
        "X-Auth-Token, true",
        "access_token, true",
        "X-Amz-Security-Token, true",
        "x-amz-date, true",
        "X-Webhook-Signature, true",
        "db_password, true",
        "passwd, true",
        "X-Credentials, true",
        "client_secret, true",
        "sig, true",
        "key, true",
        "code, true",
        "x-tenant, true",
        "Content-Type, false",
        "Location, false",
        "User-Agent, false",
        "keyword, false",
        "signed, false",
        "zipcode, false"
    })
    void names(String name, boolean secret) {
        assertThat(RULE.secret(name)).isEqualTo(secret);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://203.0.113.10/healthz?token=abc&x=1 | https://203.0.113.10/healthz?token=[redacted]&x=1",
                "https://user:pw@shop.example.com:8443/a?b=c | https://[redacted]@shop.example.com:8443/a?b=c",
                "/next?sig=abc&code=42&page=2#top | /next?sig=[redacted]&code=[redacted]&page=2#top",
                "https://s.example/p?%74oken=abc | https://s.example/p?%74oken=[redacted]",
                "https://s.example/p?X-Amz-Signature=abc&X-Amz-Credential=k | https://s.example/p?X-Amz-Signature=[redacted]&X-Amz-Credential=[redacted]",
                "https://s.example/p?token | https://s.example/p?token",
                "https://s.example/plain | https://s.example/plain"
            })
    void urls(String url, String shown) {
        assertThat(RULE.url(url)).isEqualTo(shown);
    }

    record Broken(String name, String field, String excerpt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Broken> broken() {
        return Stream.of(
                new Broken(
                        "secret value with a control byte",
                        "Set-Cookie: sid=s3cret\u0001",
                        "Set-Cookie: [redacted]\\x01"),
                new Broken("configured name", "X-Tenant: s3cret\u0000", "X-Tenant: [redacted]\\x00"),
                new Broken("other header keeps its value", "X-Note: hello\u0001", "X-Note: hello\\x01"),
                new Broken("whitespace before the colon ends at the name", "Authorization s3cret", "Authorization "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void malformedHeaderExcerptsLeaveSecretValuesOut(Broken b) {
        ResponseHeadParser parser = new ResponseHeadParser(8192, RULE);
        byte[] head = ("HTTP/1.1 200 OK\r\n" + b.field() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ParseStep step = parser.feed(head, 0, head.length);
        assertThat(step).isInstanceOfSatisfying(ParseStep.Failed.class, f -> {
            assertThat(f.failure())
                    .isInstanceOfSatisfying(
                            ParseFailure.MalformedHeader.class,
                            m -> assertThat(m.excerpt()).isEqualTo(b.excerpt()));
            assertThat(f.failure().describe()).doesNotContain("s3cret");
        });
    }
}
