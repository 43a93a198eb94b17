package io.originwatch.http1;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of {@link ResponseHeadParser} with Jazzer. The input is the raw response:
 * seeds under {@code src/test/resources/io/originwatch/http1/ResponseHeadParserFuzzTestInputs/anyResponse/}
 * are readable HTTP heads. A plain {@code mvn verify} runs this in regression mode over those seeds
 * and every finding committed beside them.
 *
 * <p>Real fuzzing (only one fuzz test runs per JVM in this mode; it stops after maxDuration, 6 min),
 * from the project directory with JAVA_HOME on a JDK 25 and Maven 3.9 on the PATH:
 * <pre>
 * JAZZER_FUZZ=1 JAVA_TOOL_OPTIONS=-Xmx256m /usr/bin/time -v mvn -B -o test -Dtest=ResponseHeadParserFuzzTest
 * </pre>
 * Findings land in the inputs directory above (commit them once the bug is fixed); the generated
 * corpus goes to {@code .cifuzz-corpus/} (git-ignored).
 *
 * <p>Run of 2026-11-23 (jazzer-junit 0.30.0, Temurin 25, 2 cores shared with other builds, load ~10):
 * 857,961 executions in 361 s (2,376 exec/s; each execution parses the input 20 times: 2 limits x
 * with/without end of stream x 5 splits), coverage 353 edges / 1,147 features, corpus 201 inputs,
 * 0 crashes, peak RSS 538,764 kB for the whole JVM (heap capped at 256 MiB).
 */
class ResponseHeadParserFuzzTest {

    /** Small enough that short inputs reach the budget, so the over-limit path is fuzzed too. */
    private static final int SMALL_LIMIT = 64;

    private static final int DEFAULT_LIMIT = 8192;
    /** The parser may examine exactly one byte past the limit before it fails. */
    private static final int BUDGET_SLACK_BYTES = 1;
    /** Generous bound on one failure's description: excerpts are cut at 120 characters. */
    private static final int MAX_DESCRIBE_CHARS = 400;

    @FuzzTest(maxDuration = "6m")
    void anyResponse(byte[] wire) {
        for (int limit : new int[] {SMALL_LIMIT, DEFAULT_LIMIT}) {
            checkInvariants(wire, limit, true);
            checkInvariants(wire, limit, false);
        }
    }

    private static void checkInvariants(byte[] wire, int limit, boolean endOfStream) {
        Replay.Outcome whole = Replay.whole(wire, limit, endOfStream);

        assertThat(whole.bytesSeen()).isLessThanOrEqualTo(limit + BUDGET_SLACK_BYTES);
        assertThat(whole.maxRetained()).isLessThanOrEqualTo(limit);
        assertThat(whole.totalFed()).isLessThanOrEqualTo(wire.length);
        assertThat(whole.needMore()).isEqualTo(!endOfStream && whole.head() == null && whole.failure() == null);
        if (whole.head() != null) {
            checkHead(whole, wire, limit);
        }
        if (whole.failure() != null) {
            assertThat(whole.failure().describe()).hasSizeLessThanOrEqualTo(MAX_DESCRIBE_CHARS);
        }

        // Split feeding must not change anything: byte by byte, and one fragment size drawn from the input.
        int derived = 1 + Math.floorMod(Arrays.hashCode(wire), Math.max(1, wire.length));
        for (int fragment : new int[] {1, 2, 3, derived}) {
            Replay.Outcome split = Replay.run(wire, limit, fragment, endOfStream);
            assertThat(split.withoutMemory()).as("fragment size %d", fragment).isEqualTo(whole.withoutMemory());
            assertThat(split.maxRetained()).isLessThanOrEqualTo(limit);
        }
    }

    private static void checkHead(Replay.Outcome outcome, byte[] wire, int limit) {
        ResponseHead head = outcome.head();
        assertThat(head.headerSectionBytes()).isBetween(1, limit);
        assertThat(head.status()).isBetween(101, 599);
        assertThat(head.status() < 200 && head.status() != 101)
                .as("interim head returned as final")
                .isFalse();
        assertThat(head.version()).matches("HTTP/1\\.[0-9]");
        assertThat(head.fields())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.name()).matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+"));
        // Nothing of the body is swallowed: the head(s) end exactly where the parser says.
        assertThat(outcome.bodyStart()).isEqualTo(outcome.totalFed()).isBetween((long) head.headerSectionBytes(), (long)
                wire.length);
        int last = (int) outcome.bodyStart() - 1;
        assertThat(wire[last]).as("a head ends with LF").isEqualTo((byte) '\n');
    }
}
