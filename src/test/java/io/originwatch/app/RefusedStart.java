package io.originwatch.app;

import io.quarkus.test.junit.main.LaunchResult;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refused start must print: each expected error line, and no exception or stack trace. */
final class RefusedStart {

    private RefusedStart() {
    }

    static void assertRefusedNaming(LaunchResult result, String... errorLines) {
        String out = result.getOutput() + result.getErrorOutput();
        assertThat(out).contains(errorLines);
        assertThat(out).doesNotContain("Exception").doesNotContainPattern("\\n\\s+at [a-z]");
    }
}
