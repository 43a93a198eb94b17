package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text members compare to tell whether they run the same origins. */
class OriginSetDigestTest {

    @Test
    void equalSetsGiveEqualDigestsAndAnyDifferenceChangesIt() {
        String abc = ClusterRuntime.digest(List.of("a", "b", "c"));
        assertThat(abc).matches("3 origins, sha256 [0-9a-f]{16}");
        assertThat(ClusterRuntime.digest(List.of("a", "b", "c"))).isEqualTo(abc);
        assertThat(ClusterRuntime.digest(List.of("a", "b")))
                .startsWith("2 origins")
                .isNotEqualTo(abc);
        assertThat(ClusterRuntime.digest(List.of("a", "b", "d"))).isNotEqualTo(abc);
        // names are separated, so a name cannot be split across two others
        assertThat(ClusterRuntime.digest(List.of("ab", "c"))).isNotEqualTo(ClusterRuntime.digest(List.of("a", "bc")));
    }
}
