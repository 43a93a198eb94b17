package io.originwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;

/** What every refused start must print: each expected error line, and no exception or stack trace. */
final class RefusedStart {

    private RefusedStart() {}

    static void assertRefusedNaming(LaunchResult result, String... errorLines) {
        String out = result.getOutput() + result.getErrorOutput();
        assertThat(out).contains(errorLines);
        assertThat(out).doesNotContain("Exception").doesNotContainPattern("\\n\\s+at [a-z]");
    }
}
