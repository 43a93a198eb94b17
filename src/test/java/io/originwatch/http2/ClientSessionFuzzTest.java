package io.originwatch.http2;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the HTTP/2 frame reader and client session with Jazzer: the input is
 * what a server sends after our preface. Seeds under
 * {@code src/test/resources/io/originwatch/http2/ClientSessionFuzzTestInputs/anyServerBytes/} are
 * the scenarios of {@link ClientSessionTest} (every cause's frames, the floods, the healthy paths).
 * A plain {@code mvn verify} runs this in regression mode over those seeds (the fuzz-regression
 * execution); to fuzz for real, as for the HTTP/1.1 parser:
 * <pre>
 * JAZZER_FUZZ=1 JAVA_TOOL_OPTIONS=-Xmx256m mvn -B -o test -Dtest=ClientSessionFuzzTest
 * </pre>
 */
class ClientSessionFuzzTest {

    /** Small enough that short inputs reach the header limit, so the over-limit path is fuzzed too. */
    private static final int SMALL_LIMIT = 64;

    private static final int DEFAULT_LIMIT = 8192;
    /** Generous bound on one failure's description: excerpts are cut at 120 characters. */
    private static final int MAX_DESCRIBE_CHARS = 600;

    @FuzzTest(maxDuration = "6m")
    void anyServerBytes(byte[] wire) {
        for (int limit : new int[] {SMALL_LIMIT, DEFAULT_LIMIT}) {
            checkInvariants(wire, limit, true);
            checkInvariants(wire, limit, false);
        }
    }

    private static void checkInvariants(byte[] wire, int limit, boolean endOfStream) {
        SessionReplay.Outcome whole = SessionReplay.run(wire, Math.max(1, wire.length), endOfStream, limit);
        if (endOfStream) {
            assertThat(whole.state().terminal()).as("end of stream decides").isTrue();
        }
        assertThat(whole.failure() == null || whole.head() == null).isTrue();
        if (whole.state() == SessionState.FAILED) {
            assertThat(whole.failure()).isNotNull();
            assertThat(whole.failure().describe()).hasSizeLessThanOrEqualTo(MAX_DESCRIBE_CHARS);
        }
        if (whole.head() != null) {
            assertThat(whole.head().status()).isBetween(200, 599);
            assertThat(whole.head().http1Bytes()).isBetween(DecodedHead.STATUS_LINE_BYTES, limit);
            assertThat(whole.head().fields())
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.name()).matches("[!#$%&'*+\\-.^_`|~0-9a-z]+"));
        }
        int derived = 1 + Math.floorMod(Arrays.hashCode(wire), Math.max(1, wire.length));
        for (int fragment : new int[] {1, 2, 3, derived}) {
            assertThat(SessionReplay.run(wire, fragment, endOfStream, limit))
                    .as("fragment size %d", fragment)
                    .isEqualTo(whole);
        }
    }
}
