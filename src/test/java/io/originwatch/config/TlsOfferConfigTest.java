package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.TlsProfile;
import io.originwatch.probe.TlsTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls-trust} and {@code tls-profile}: defaults, inheritance and per-origin overrides into the spec. */
class TlsOfferConfigTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreAddAndEdge() {
        ProbeSpec spec = load(Map.of(
                        "originwatch.origins[0].name", "shop",
                        "originwatch.origins[0].url", "https://127.0.0.1:1/"))
                .get(0);
        assertThat(spec.tlsTrust()).isEqualTo(TlsTrust.ADD);
        assertThat(spec.tlsProfile()).isEqualTo(TlsProfile.EDGE);
    }

    @Test
    void replaceInTheDefaultsTakesEachOriginsTrustCaAndAnOriginMayAddInstead() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Map<String, String> p = new HashMap<>();
        p.put("originwatch.defaults.tls-trust", "replace");
        p.put("originwatch.defaults.tls-profile", "jdk");
        p.put("originwatch.origins[0].name", "shop");
        p.put("originwatch.origins[0].url", "https://127.0.0.1:1/");
        p.put("originwatch.origins[0].trust-ca", ca.toString());
        p.put("originwatch.origins[1].name", "blog");
        p.put("originwatch.origins[1].url", "https://127.0.0.1:2/");
        p.put("originwatch.origins[1].tls-trust", "add");
        p.put("originwatch.origins[1].tls-profile", "edge");
        List<ProbeSpec> specs = load(p);
        ProbeSpec shop =
                specs.stream().filter(s -> s.name().equals("shop")).findFirst().orElseThrow();
        ProbeSpec blog =
                specs.stream().filter(s -> s.name().equals("blog")).findFirst().orElseThrow();
        assertThat(shop.tlsTrust()).isEqualTo(TlsTrust.REPLACE);
        assertThat(shop.trustCa()).isEqualTo(ca);
        assertThat(shop.tlsProfile()).isEqualTo(TlsProfile.JDK);
        assertThat(blog.tlsTrust()).isEqualTo(TlsTrust.ADD);
        assertThat(blog.trustCa()).isNull();
        assertThat(blog.tlsProfile()).isEqualTo(TlsProfile.EDGE);
    }

    private static List<ProbeSpec> load(Map<String, String> properties) {
        return ConfigFixture.loader(properties).load().inlineOrigins().stream()
                .map(o -> o.spec())
                .toList();
    }
}
