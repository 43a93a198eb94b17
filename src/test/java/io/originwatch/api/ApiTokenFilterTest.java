package io.originwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests the token guards, and the secret comparison; the HTTP behaviour is in EvidenceApiTest. */
class ApiTokenFilterTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /api/origins, false",
        "GET, /api/origins/shop, false",
        "GET, /api/origins/shop/history, false",
        "GET, /api/origins/shop/har, true",
        "GET, /api/origins/shop/har/, true",
        "GET, /api/origins/shop/support-bundle, true",
        "POST, /api/origins/shop/probe, true",
        "POST, /api/edge/ranges/refresh, true",
        "DELETE, /api/anything, true",
        "GET, /api/allowlists, false",
        "HEAD, /api/origins, false",
        "GET, /q/metrics, false",
        "POST, /q/anything, false"
    })
    void guards(String method, String path, boolean guarded) {
        assertThat(ApiTokenFilter.protectedRequest(method, path)).isEqualTo(guarded);
    }

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
}
