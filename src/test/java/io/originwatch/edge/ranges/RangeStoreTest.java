package io.originwatch.edge.ranges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.edge.Fixtures;
import io.originwatch.edge.cidr.Cidrs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripWithAnEmptyFamilyAndEtags() throws Exception {
        RangeStore store = new RangeStore(dir.resolve("sub"), Fixtures.JSON);
        EdgeRanges r = EdgeRanges.of(
                "cloudfront",
                "http://127.0.0.1:1/ip-ranges.json",
                Instant.parse("2026-11-23T10:00:00Z"),
                "1732300000",
                List.of(Cidrs.parse("3.231.2.0/25", true), Cidrs.parse("13.113.196.64/26", true)));
        store.save(new RangeStore.Stored(r, Map.of("http://127.0.0.1:1/ip-ranges.json", "\"x\"")));
        RangeStore.Stored back = store.load("cloudfront");
        assertThat(back.ranges().all()).isEqualTo(r.all());
        assertThat(back.ranges().ipv6()).isEmpty();
        assertThat(back.ranges().fetchedAt()).isEqualTo(r.fetchedAt());
        assertThat(back.ranges().etag()).isEqualTo("1732300000");
        assertThat(back.httpEtags()).containsEntry("http://127.0.0.1:1/ip-ranges.json", "\"x\"");
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cloudfront-ranges.json");
        }
        assertThat(store.load("fastly")).isNull();
    }

    @Test
    void aTamperedCacheIsValidatedAgain() throws Exception {
        RangeStore store = new RangeStore(dir, Fixtures.JSON);
        Files.writeString(store.fileFor("custom"), """
                {"provider":"custom","source":"x","fetchedAt":"2026-11-23T10:00:00Z",
                 "ipv4":["104.16.0.0/13","0.0.0.0/0"],"ipv6":[]}""");
        assertThatThrownBy(() -> store.load("custom"))
                .hasMessage(store.fileFor("custom") + ": entry 2: default route 0.0.0.0/0");
    }
}
