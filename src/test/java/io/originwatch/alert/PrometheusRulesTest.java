package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The shipped Prometheus rules: valid ({@code promtool check rules}), behaving as their unit tests
 * say ({@code promtool test rules}), every alert made to fire and not to fire by those tests, the
 * Operator object identical to the plain file, and every runbook link landing on a heading.
 * promtool is required: without it this test fails rather than letting the rules go unchecked.
 */
class PrometheusRulesTest {

    static final Path RULES = Path.of("deploy/prometheus/originwatch-rules.yaml");
    static final Path RULE_TESTS = Path.of("deploy/prometheus/tests");
    static final Path OPERATOR_RULE = Path.of("deploy/kubernetes/components/prometheus-rules/prometheusrule.yaml");
    static final Path GENERATOR = Path.of("deploy/prometheus/generate-prometheusrule.sh");
    static final Path RUNBOOKS = Path.of("docs/runbooks.md");
    static final String RUNBOOK_BASE = "https://github.com/originwatch/originwatch/blob/main/docs/runbooks.md#";
    static final Path PROMTOOL = Path.of(System.getenv().getOrDefault("PROMTOOL", "/usr/bin/promtool"));

    /** The metric names of the contract (BRIEF.md); a rule using any other originwatch_ name has a typo. */
    static final Set<String> CONTRACT_METRICS = Set.of(
            "originwatch_origin_up",
            "originwatch_origin_status",
            "originwatch_probes_total",
            "originwatch_probe_phase_seconds",
            "originwatch_response_header_bytes",
            "originwatch_header_limit_bytes",
            "originwatch_certificate_expiry_timestamp_seconds",
            "originwatch_schedule_lag_seconds",
            "originwatch_probes_in_flight",
            "originwatch_origins",
            "originwatch_edge_ranges",
            "originwatch_edge_ranges_last_success_timestamp_seconds",
            "originwatch_edge_ranges_refreshes_total",
            "originwatch_allowlist_missing_ranges",
            "originwatch_allowlist_extra_ranges",
            "originwatch_allowlist_missing_addresses",
            "originwatch_allowlist_up",
            "originwatch_alert_notifications_total",
            "originwatch_alert_queue_depth",
            "originwatch_config_reloads_total",
            "originwatch_origin_maintenance",
            "originwatch_origin_alert_suppressed",
            "originwatch_maintenance_window_active",
            "originwatch_origin_last_probe_timestamp_seconds",
            "originwatch_origin_probe_interval_seconds",
            "originwatch_origin_probe_deadline_seconds");

    private static final java.util.regex.Pattern METRIC =
            java.util.regex.Pattern.compile("(?<![:\\w])(originwatch_\\w+)(?!\\w|:)");

    static List<Map<String, Object>> alerts;

    @BeforeAll
    static void loadRules() throws IOException {
        alerts = rules(groupsOf(load(RULES))).stream()
                .filter(r -> r.containsKey("alert"))
                .toList();
        assertThat(alerts).as("alerts in %s", RULES).isNotEmpty();
    }

    @Test
    void promtoolCheckRulesAcceptsTheRules() throws Exception {
        promtool("check", "rules", RULES.toString());
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(ruleTestFiles().stream().map(Path::toString).toList());
        promtool(args.toArray(String[]::new));
    }

    @Test
    void everyAlertIsMadeToFireAndNotToFireByAUnitTest() throws IOException {
        Set<String> fired = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (Path file : ruleTestFiles()) {
            for (Map<String, Object> test : list(load(file).get("tests"))) {
                for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
                    String name = (String) check.get("alertname");
                    (list(check.get("exp_alerts")).isEmpty() ? silent : fired).add(name);
                }
            }
        }
        List<String> names = alerts.stream().map(a -> (String) a.get("alert")).toList();
        assertThat(fired).as("alerts some unit test makes fire").containsAll(names);
        assertThat(silent).as("alerts some unit test checks stay silent").containsAll(names);
    }

    @Test
    void rulesUseOnlyTheContractsMetricNames() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> rule : rules(groupsOf(load(RULES)))) {
            java.util.regex.Matcher m = METRIC.matcher((String) rule.get("expr"));
            while (m.find()) {
                used.add(m.group(1).replaceFirst("_bucket$", ""));
            }
        }
        assertThat(used).as("metric names in %s", RULES).isNotEmpty().isSubsetOf(CONTRACT_METRICS);
    }

    @Test
    void everyAlertHasSeverityAndTheThreeAnnotations() {
        for (Map<String, Object> alert : alerts) {
            Map<String, Object> labels = map(alert.get("labels"));
            Map<String, Object> annotations = map(alert.get("annotations"));
            assertThat(labels.get("severity"))
                    .as("%s severity", alert.get("alert"))
                    .isIn("critical", "warning");
            assertThat(annotations)
                    .as("%s annotations", alert.get("alert"))
                    .containsKeys("summary", "description", "runbook_url");
        }
    }

    @Test
    void everyRunbookLinkLandsOnAHeading() throws IOException {
        Set<String> anchors = RunbookAnchors.of(Files.readString(RUNBOOKS));
        for (Map<String, Object> alert : alerts) {
            String url = (String) map(alert.get("annotations")).get("runbook_url");
            assertThat(url).as("%s runbook_url", alert.get("alert")).startsWith(RUNBOOK_BASE);
            for (String anchor :
                    RunbookAnchors.expand(url.substring(RUNBOOK_BASE.length()), (String) alert.get("expr"))) {
                assertThat(anchors)
                        .as("%s links #%s; headings of %s", alert.get("alert"), anchor, RUNBOOKS)
                        .contains(anchor);
            }
        }
    }

    @Test
    void operatorObjectHasExactlyThePlainFilesGroups() throws IOException {
        Map<String, Object> operator = load(OPERATOR_RULE);
        assertThat(operator.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(operator.get("kind")).isEqualTo("PrometheusRule");
        assertThat(map(operator.get("spec")).get("groups"))
                .as("%s spec.groups against %s groups; regenerate with %s", OPERATOR_RULE, RULES, GENERATOR)
                .isEqualTo(load(RULES).get("groups"));
    }

    @Test
    void operatorObjectIsWhatTheGeneratorWrites() throws Exception {
        Process p = new ProcessBuilder("sh", GENERATOR.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String generated = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("generator output: %s", generated).isZero();
        assertThat(Files.readString(OPERATOR_RULE))
                .as("%s is stale: run %s", OPERATOR_RULE, GENERATOR)
                .isEqualTo(generated);
    }

    private static void promtool(String... args) throws Exception {
        if (!Files.isExecutable(PROMTOOL)) {
            fail(PROMTOOL + " not found: the alert rules cannot be checked. Install it with"
                    + " `apt-get install prometheus` (Debian/Ubuntu; .ci/run does this) or set PROMTOOL to its path.");
        }
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue())
                .as("%s exit status; output:%n%s", command, output)
                .isZero();
    }

    private static List<Path> ruleTestFiles() throws IOException {
        try (Stream<Path> files = Files.list(RULE_TESTS)) {
            List<Path> found =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(found).as("promtool unit tests in %s", RULE_TESTS).isNotEmpty();
            return found;
        }
    }

    static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        }
    }

    static List<Map<String, Object>> groupsOf(Map<String, Object> doc) {
        return list(doc.get("groups"));
    }

    static List<Map<String, Object>> rules(List<Map<String, Object>> groups) {
        return groups.stream().flatMap(g -> list(g.get("rules")).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }
}
