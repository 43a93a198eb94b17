package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.origin.Origin;
import io.originwatch.probe.ProbeSpec;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code via-edge-url} inline and in the origins file becomes a second probe spec through the edge. */
class ViaEdgeConfigTest {

    @Test
    void inlineViaEdgeUrlProbesThePublicNameWithTheSameRequest() {
        DaemonSettings s = ConfigValidationTest.loader(Map.of(
                        "originwatch.origins[0].name", "shop",
                        "originwatch.origins[0].url", "https://203.0.113.10/login",
                        "originwatch.origins[0].host", "shop.example.com",
                        "originwatch.origins[0].tls-verify", "false",
                        "originwatch.origins[0].headers.X-Probe", "originwatch",
                        "originwatch.origins[0].via-edge-url", "https://shop.example.com/login?from=edge",
                        "originwatch.origins[1].name", "blog",
                        "originwatch.origins[1].url", "http://blog.example.test/"))
                .load();
        Origin shop = s.inlineOrigins().get(0);
        ProbeSpec edge = shop.viaEdge();
        assertThat(edge.url()).isEqualTo(URI.create("https://shop.example.com/login?from=edge"));
        assertThat(edge.host()).isEqualTo("shop.example.com");
        assertThat(edge.tlsVerify())
                .as("an edge must present a valid certificate")
                .isTrue();
        assertThat(edge.headers()).isEqualTo(shop.spec().headers());
        assertThat(edge.name()).isEqualTo("shop");
        assertThat(s.inlineOrigins().get(1).viaEdge()).isNull();
        assertThat(shop.sameProbeAs(new Origin(shop.spec(), shop.interval(), shop.labels(), shop.source())))
                .as("adding or removing via-edge-url reschedules the origin")
                .isFalse();
    }

    @Test
    void originsFileAcceptsViaEdgeUrl() {
        DaemonSettings s = ConfigValidationTest.loader(
                        Map.of("originwatch.origins-file", "src/test/resources/evidence/origins-via-edge.yaml"))
                .load();
        Origin api = s.fileOrigins().get(0);
        assertThat(api.viaEdge().url()).isEqualTo(URI.create("https://api.example.com/health"));
        assertThat(api.viaEdge().port()).isEqualTo(443);
        assertThat(api.spec().tlsVerify()).isFalse();
    }
}
