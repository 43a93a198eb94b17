package io.originwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.evidence.HarSchema;
import io.originwatch.lab.LabExtension;
import io.originwatch.lab.LabOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} as a user runs it, the packaged jar as a process, against every origin of the lab:
 * the cause and warnings the lab promises, the exit status, the JSON and a HAR valid against the
 * HAR 1.2 schema; then the human report, the file mode, and usage errors.
 */
class CheckIT {

    @RegisterExtension
    static final LabExtension LAB = new LabExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Runs after the lab started (JUnit calls the class's beforeAll callbacks first). */
    static Stream<String> labOrigins() {
        return LAB.lab().origins().stream().map(LabOrigin::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labOrigins")
    void everyLabOriginGetsItsCauseExitStatusJsonAndHar(String name) throws IOException {
        LabOrigin o = LAB.origin(name);
        Path har = dir.resolve(name + ".har");
        List<String> args = new ArrayList<>(CheckProcess.optionsFor(o, LAB.lab().caPemFile()));
        args.addAll(List.of("--json", "--har", har.toString()));

        CheckProcess.Run run = CheckProcess.check(args);

        JsonNode view = JSON.readTree(run.out());
        assertThat(view.path("cause").asText()).as(run.all()).isEqualTo(o.expectedCause());
        assertThat(run.exit()).as(run.all()).isEqualTo(o.expectedCause().equals("ok") ? 0 : 1);
        List<String> warnings = new ArrayList<>();
        view.path("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).as(run.all()).containsAll(o.expectedWarnings());
        assertThat(view.path("url").asText()).isEqualTo(o.url().toString());
        assertThat(view.path("host").asText()).isEqualTo(o.host());
        assertThat(view.path("curl").asText()).startsWith("curl ");
        assertThat(run.err()).as(run.all()).contains("HAR written to " + har);
        byte[] harBytes = Files.readAllBytes(har);
        assertThat(HarSchema.errors(harBytes)).as("HAR schema errors").isEmpty();
        JsonNode entry = JSON.readTree(harBytes).path("log").path("entries").path(0);
        assertThat(entry.path("_cause").asText()).isEqualTo(o.expectedCause());
        assertThat(entry.path("_probe").asText()).isEqualTo("direct");
    }

    @Test
    void humanReportSaysTheVerdictFirstThenTheEvidence() {
        LabOrigin o = LAB.origin("lab-headers-too-large");
        List<String> args = new ArrayList<>(CheckProcess.optionsFor(o, LAB.lab().caPemFile()));
        args.addAll(List.of("--header", "Authorization: Bearer s3cret-token", "--header", "X-Trace: abc"));

        CheckProcess.Run run = CheckProcess.check(args);

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("the edge would answer 520: headers_too_large");
        assertThat(run.out())
                .contains("timings   connect")
                .contains("total")
                .containsPattern("headers   [0-9,]+ of the 8,192-byte limit \\(\\d+%\\): over the limit")
                .contains("warnings  none")
                .contains("curl      curl -sv -o /dev/null --http1.1 --connect-to headers-too-large.lab.test:")
                .contains("'Authorization: <redacted>'")
                .contains("'X-Trace: abc'")
                .doesNotContain("s3cret");
    }

    @Test
    void httpsReportShowsTheTlsFacts() {
        LabOrigin o = LAB.origin("lab-certificate-expiring");
        CheckProcess.Run run =
                CheckProcess.check(CheckProcess.optionsFor(o, LAB.lab().caPemFile()));

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .isEqualTo("the edge would answer 200: ok (warnings: certificate_expiring)");
        assertThat(run.out()).containsPattern("tls       TLSv1\\.[23] \\S+; certificate .*valid until .*verified");
    }

    @Test
    void viaEdgeProbesBothPathsAndWritesBothHars() throws IOException {
        LabOrigin origin = LAB.origin("lab-ok");
        LabOrigin edge = LAB.origin("lab-unexpected-status"); // an "edge" answering 503
        Path har = dir.resolve("pair.har");
        List<String> args =
                new ArrayList<>(CheckProcess.optionsFor(origin, LAB.lab().caPemFile()));
        args.addAll(List.of("--via-edge", edge.url().toString(), "--har", har.toString()));

        CheckProcess.Run run = CheckProcess.check(args);

        assertThat(run.exit()).as("the direct probe decides: " + run.all()).isZero();
        assertThat(run.out())
                .contains("via the edge (" + edge.url() + "): answered 503 (unexpected_status)")
                .contains("compared  edge_failing: the edge fails while the origin answers directly");
        Path edgeHar = dir.resolve("pair-via-edge.har");
        for (Path p : List.of(har, edgeHar)) {
            assertThat(HarSchema.errors(Files.readAllBytes(p)))
                    .as("schema errors of " + p)
                    .isEmpty();
        }
        assertThat(JSON.readTree(edgeHar.toFile()).at("/log/entries/0/_probe").asText())
                .isEqualTo("via-edge");
    }

    @Test
    void aLocalFaultIsAnInternalFailureNotAnOriginOutage() throws IOException {
        LabOrigin o = LAB.origin("lab-ok-https");
        Path notPem = Files.writeString(dir.resolve("not-a-ca.pem"), "this is not a certificate\n");
        List<String> args = new ArrayList<>(CheckProcess.optionsFor(o, notPem));

        CheckProcess.Run run = CheckProcess.check(args);

        assertThat(run.out()).as(run.all()).startsWith("originwatch could not probe the origin: probe_error");
        assertThat(run.exit()).as(run.all()).isEqualTo(3);
    }

    @Test
    void configFileChecksEveryOriginOnceOneLineEach() throws IOException {
        List<LabOrigin> mixed = Stream.of("lab-ok", "lab-connection-refused", "lab-headers-too-large", "lab-ok-https")
                .map(LAB::origin)
                .toList();
        Path file =
                OriginsFiles.write(dir.resolve("origins.yaml"), mixed, LAB.lab().caPemFile());

        CheckProcess.Run run = CheckProcess.check("--config", file.toString());

        assertThat(run.exit()).as("one origin fails: " + run.all()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as(run.all()).hasSize(4);
        assertThat(lines.get(0)).startsWith("lab-ok ").contains(" ok ").contains(" 200 ");
        assertThat(lines.get(1))
                .startsWith("lab-connection-refused ")
                .contains(" connection_refused ")
                .contains(" 521 ");
        assertThat(lines.get(2))
                .startsWith("lab-headers-too-large ")
                .contains(" headers_too_large ")
                .contains(" 520 ");
        assertThat(lines.get(3)).startsWith("lab-ok-https ").contains(" ok ");

        CheckProcess.Run healthy = CheckProcess.check(
                "--config",
                OriginsFiles.write(dir.resolve("ok.yaml"), List.of(LAB.origin("lab-ok")), null)
                        .toString());
        assertThat(healthy.exit()).as(healthy.all()).isZero();
    }

    @Test
    void aBadConfigFileNamesEveryKeyAtFault() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                origins:
                  - name: shop
                    url: ftp://203.0.113.10/
                  - name: shop
                    url: http://203.0.113.11/
                    header-limit: lots
                """);

        CheckProcess.Run run = CheckProcess.check("--config", file.toString());

        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.err())
                .contains(file + ": origins[0].url: scheme must be http or https, got \"ftp\"")
                .contains(file + ": origins[1].name: duplicate name \"shop\"")
                .contains(file + ": origins[1].header-limit: must be a whole number of bytes");
        assertThat(run.out()).isEmpty();
    }

    record BadOptions(String name, List<String> args, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadOptions> badOptions() {
        return Stream.of(
                new BadOptions("no URL", List.of(), "originwatch check: URL: required"),
                new BadOptions(
                        "unknown option",
                        List.of("http://127.0.0.1:1/", "--frobnicate"),
                        "originwatch check: --frobnicate: unknown option"),
                new BadOptions(
                        "header limit",
                        List.of("http://127.0.0.1:1/", "--header-limit", "8k"),
                        "originwatch check: --header-limit: must be a whole number of bytes from 16 to 1048576, got \"8k\""),
                new BadOptions(
                        "timeout",
                        List.of("http://127.0.0.1:1/", "--connect-timeout=soon"),
                        "originwatch check: --connect-timeout: not a duration (e.g. 30s, 500ms, 2m), got \"soon\""),
                new BadOptions(
                        "method",
                        List.of("http://127.0.0.1:1/", "--method", "POST"),
                        "originwatch check: --method: must be GET or HEAD, got \"POST\""),
                new BadOptions(
                        "scheme", List.of("ftp://127.0.0.1/"), "originwatch check: URL: scheme must be http or https"),
                new BadOptions(
                        "header without colon",
                        List.of("http://127.0.0.1:1/", "--header", "X-Trace"),
                        "originwatch check: --header: must be NAME:VALUE, got \"X-Trace\""),
                new BadOptions(
                        "value missing",
                        List.of("http://127.0.0.1:1/", "--host"),
                        "originwatch check: --host: needs a value"),
                new BadOptions(
                        "config and URL",
                        List.of("http://127.0.0.1:1/", "--config", "origins.yaml"),
                        "originwatch check: --config: checks the origins of the file; give no URL with it"),
                new BadOptions(
                        "missing config file",
                        List.of("--config", "/nonexistent/origins.yaml"),
                        "originwatch check: --config: no such file: \"/nonexistent/origins.yaml\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void badOptionsExitTwoNamingTheOption(BadOptions bad) {
        CheckProcess.Run run = CheckProcess.check(bad.args());

        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).as(run.all()).contains(bad.message());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpListsEveryOptionAndExitsZero() {
        CheckProcess.Run run = CheckProcess.check("--help");

        assertThat(run.exit()).isZero();
        for (String option : List.of(
                "--host",
                "--method",
                "--header",
                "--header-limit",
                "--connect-timeout",
                "--response-timeout",
                "--expect-status",
                "--trust-ca",
                "--insecure",
                "--via-edge",
                "--har",
                "--json",
                "--config")) {
            assertThat(run.out()).contains("  " + option + " ");
        }
    }
}
