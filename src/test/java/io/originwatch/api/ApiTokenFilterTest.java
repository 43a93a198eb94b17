package io.originwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter's pure parts: the secret comparison and what counts as the same site. HTTP behaviour: ApiAccessTest. */
class ApiTokenFilterTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "s3cret, s3cret, true",
        "s3cret, s3cre, false",
        "s3cret, s3cret2, false",
        "'', s3cret, false",
        "S3CRET, s3cret, false"
    })
    void comparesSecretsExactly(String given, String expected, boolean same) {
        assertThat(ApiTokenFilter.sameSecret(given, expected)).isEqualTo(same);
    }

    @ParameterizedTest(name = "Origin {0}, Host {1} -> same site {2}")
    @CsvSource({
        "http://localhost:8080, localhost:8080, true",
        "http://LOCALHOST:8080, localhost:8080, true",
        "https://originwatch.example.com, originwatch.example.com, true",
        "https://originwatch.example.com, originwatch.example.com:443, true",
        "http://localhost:8080, localhost:8081, false",
        "https://evil.example, localhost:8080, false",
        "http://localhost.evil.example:8080, localhost:8080, false",
        "null, localhost:8080, false",
        "not a url, localhost:8080, false"
    })
    void sameSite(String origin, String host, boolean same) {
        assertThat(ApiTokenFilter.sameSite(origin, host)).isEqualTo(same);
    }
}
