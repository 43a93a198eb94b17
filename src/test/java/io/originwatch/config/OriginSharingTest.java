package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.origin.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-read origins file keeps the running origins' parts where they are equal ({@link
 * Origin#sharing}): an unchanged origin at the same place is the running object itself, one that only
 * moved in the list shares its spec, and a relabelled one keeps its spec with the new labels.
 */
class OriginSharingTest {

    @TempDir
    Path dir;

    private static String origin(String name, String url, String label) {
        return "  - name: " + name + "\n    url: " + url + "\n"
                + (label == null ? "" : "    labels:\n      team: " + label + "\n");
    }

    private static Map<String, Origin> byName(List<Origin> origins) {
        return origins.stream().collect(Collectors.toMap(Origin::name, Function.identity()));
    }

    @Test
    void aReloadKeepsWhatDidNotChange() throws Exception {
        Path file = dir.resolve("origins.yaml");
        SettingsLoader loader = ConfigFixture.loader(Map.of());
        Files.writeString(
                file,
                "origins:\n" + origin("alpha", "http://192.0.2.1/", null)
                        + origin("beta", "http://192.0.2.2/", "web")
                        + origin("gamma", "http://192.0.2.3/", null)
                        + origin("delta", "http://192.0.2.4/", "ops"));
        Map<String, Origin> running =
                byName(loader.readOriginsFile(file, Map.of()).origins());

        // alpha unchanged in place, beta relabelled, gamma moved down by one, delta's URL changed, epsilon new
        Files.writeString(
                file,
                "origins:\n" + origin("alpha", "http://192.0.2.1/", null)
                        + origin("beta", "http://192.0.2.2/", "payments")
                        + origin("epsilon", "http://192.0.2.5/", null)
                        + origin("gamma", "http://192.0.2.3/", null)
                        + origin("delta", "http://192.0.2.9/", "ops"));
        Map<String, Origin> next = byName(loader.readOriginsFile(file, Map.of(), o -> o.sharing(running.get(o.name())))
                .origins());

        assertThat(next.get("alpha"))
                .as("unchanged, same place: the running origin itself")
                .isSameAs(running.get("alpha"));

        Origin beta = next.get("beta");
        assertThat(beta.labels()).containsEntry("team", "payments");
        assertThat(beta.spec())
                .as("a new label keeps the spec")
                .isSameAs(running.get("beta").spec());
        assertThat(beta.sameProbeAs(running.get("beta"))).isFalse();

        Origin gamma = next.get("gamma");
        assertThat(gamma)
                .isNotSameAs(running.get("gamma"))
                .isEqualTo(new Origin(
                        running.get("gamma").spec(),
                        running.get("gamma").interval(),
                        running.get("gamma").labels(),
                        file + ": origins[3]"));
        assertThat(gamma.spec())
                .as("moved in the list: the spec is shared")
                .isSameAs(running.get("gamma").spec());
        assertThat(gamma.sameProbeAs(running.get("gamma"))).isTrue();

        Origin delta = next.get("delta");
        assertThat(delta.spec()).isNotEqualTo(running.get("delta").spec());
        assertThat(delta.spec().url()).hasToString("http://192.0.2.9/");
        assertThat(delta.labels())
                .as("equal parts are shared even when the spec changed")
                .containsEntry("team", "ops")
                .isSameAs(running.get("delta").labels());

        assertThat(next.get("epsilon").sharing(null)).isSameAs(next.get("epsilon"));
    }
}
