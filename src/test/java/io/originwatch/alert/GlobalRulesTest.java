package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The multi-vantage quorum rules for a global Prometheus: valid ({@code promtool check rules}),
 * every alert made to fire and kept silent by {@code deploy/prometheus/tests/global.yaml} (which
 * {@link PrometheusRulesTest#promtoolUnitTestsPass} runs with the other rule tests), every runbook
 * link landing on a heading, and only the contract's metric names.
 */
class GlobalRulesTest {

    static final Path GLOBAL_RULES = Path.of("deploy/prometheus/originwatch-global-rules.yaml");
    static final Path GLOBAL_TESTS = Path.of("deploy/prometheus/tests/global.yaml");
    static final String DOCS_BASE = "https://github.com/originwatch/originwatch/blob/main/";

    @Test
    void promtoolCheckRulesAcceptsTheGlobalRules() throws Exception {
        List<String> command =
                List.of(PrometheusRulesTest.PROMTOOL.toString(), "check", "rules", GLOBAL_RULES.toString());
        assertThat(Files.isExecutable(PrometheusRulesTest.PROMTOOL))
                .as("%s (apt-get install prometheus, or set PROMTOOL)", PrometheusRulesTest.PROMTOOL)
                .isTrue();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s:%n%s", command, output).isZero();
    }

    @Test
    void theUnitTestsLoadTheGlobalRulesAndMakeEveryAlertFireAndStaySilent() throws IOException {
        Map<String, Object> tests = PrometheusRulesTest.load(GLOBAL_TESTS);
        assertThat(tests.get("rule_files")).isEqualTo(List.of("../originwatch-global-rules.yaml"));
        List<String> fired = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (Map<String, Object> test : PrometheusRulesTest.list(tests.get("tests"))) {
            for (Map<String, Object> check : PrometheusRulesTest.list(test.get("alert_rule_test"))) {
                String name = (String) check.get("alertname");
                (PrometheusRulesTest.list(check.get("exp_alerts")).isEmpty() ? silent : fired).add(name);
            }
        }
        for (Map<String, Object> alert : alerts()) {
            assertThat(fired).as("alerts fired by %s", GLOBAL_TESTS).contains((String) alert.get("alert"));
            assertThat(silent).as("alerts kept silent by %s", GLOBAL_TESTS).contains((String) alert.get("alert"));
        }
    }

    @Test
    void everyRunbookLinkLandsOnAHeadingOfTheClusterGuide() throws IOException {
        for (Map<String, Object> alert : alerts()) {
            String url =
                    (String) PrometheusRulesTest.map(alert.get("annotations")).get("runbook_url");
            assertThat(url).startsWith(DOCS_BASE);
            String rest = url.substring(DOCS_BASE.length());
            Path doc = Path.of(rest.substring(0, rest.indexOf('#')));
            assertThat(RunbookAnchors.of(Files.readString(doc)))
                    .as("headings of %s", doc)
                    .contains(rest.substring(rest.indexOf('#') + 1));
        }
    }

    @Test
    void theRulesReadOnlyTheContractsMetrics() throws IOException {
        for (Map<String, Object> rule :
                PrometheusRulesTest.rules(PrometheusRulesTest.groupsOf(PrometheusRulesTest.load(GLOBAL_RULES)))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![:\\w])(originwatch_\\w+)(?!\\w|:)")
                    .matcher((String) rule.get("expr"));
            while (m.find()) {
                assertThat(PrometheusRulesTest.CONTRACT_METRICS).contains(m.group(1));
            }
        }
    }

    private static List<Map<String, Object>> alerts() throws IOException {
        List<Map<String, Object>> alerts =
                PrometheusRulesTest.rules(PrometheusRulesTest.groupsOf(PrometheusRulesTest.load(GLOBAL_RULES))).stream()
                        .filter(r -> r.containsKey("alert"))
                        .toList();
        assertThat(alerts).isNotEmpty();
        return alerts;
    }
}
