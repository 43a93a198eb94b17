package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard is one Grafana accepts as it is (uid, current schema, unique panel ids), portable
 * between Grafanas (data source only through the ${datasource} variable), and every panel is
 * backed by queries that parse and use only the metric names of the daemon's contract.
 */
class DashboardJsonTest {

    private static final int MIN_SCHEMA_VERSION = 39;
    private static final String DATASOURCE_REF = "${datasource}";
    private static final Pattern METRIC = Pattern.compile("\\boriginwatch_[a-z_]+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    /** Series names the daemon, edge and alert areas promise (BRIEF.md), with histogram suffixes. */
    private static final Set<String> CONTRACT_METRICS = Set.of(
            "originwatch_origin_up",
            "originwatch_origin_status",
            "originwatch_probes_total",
            "originwatch_probe_phase_seconds",
            "originwatch_response_header_bytes",
            "originwatch_header_limit_bytes",
            "originwatch_certificate_expiry_timestamp_seconds",
            "originwatch_schedule_lag_seconds_bucket",
            "originwatch_probes_in_flight",
            "originwatch_origins",
            "originwatch_edge_ranges",
            "originwatch_edge_ranges_last_success_timestamp_seconds",
            "originwatch_edge_ranges_refreshes_total",
            "originwatch_allowlist_missing_ranges",
            "originwatch_allowlist_extra_ranges",
            "originwatch_allowlist_missing_addresses",
            "originwatch_allowlist_up",
            "originwatch_origin_maintenance",
            "originwatch_origin_alert_suppressed");

    private static final Set<String> GRAFANA_BUILTINS = Set.of("__rate_interval", "__range", "__interval");

    private final JsonNode dashboard = DashboardQueries.dashboard();

    @Test
    void isADashboardGrafanaImports() {
        assertThat(dashboard.path("uid").asText()).matches("[A-Za-z0-9_-]{1,40}");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(MIN_SCHEMA_VERSION);
        assertThat(dashboard.has("__inputs"))
                .as("not an export with __inputs to fill in")
                .isFalse();
        assertThat(dashboard.path("id").isMissingNode() || dashboard.path("id").isNull())
                .as("no database id (it belongs to one Grafana)")
                .isTrue();
    }

    @Test
    void panelIdsAreUniqueAndLayoutFitsTheGrid() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : DashboardQueries.panels(dashboard)) {
            int id = p.path("id").asInt(-1);
            assertThat(id).as("id of panel \"%s\"", p.path("title").asText()).isPositive();
            assertThat(ids.add(id)).as("panel id %d is unique", id).isTrue();
            JsonNode grid = p.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt())
                    .as("panel %d within 24 columns", id)
                    .isBetween(1, 24);
            assertThat(grid.path("h").asInt()).as("panel %d height", id).isPositive();
        }
    }

    @Test
    void panelsDoNotOverlap() {
        List<JsonNode> panels = DashboardQueries.panels(dashboard);
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                JsonNode a = panels.get(i).path("gridPos");
                JsonNode b = panels.get(j).path("gridPos");
                boolean apart =
                        a.path("x").asInt() + a.path("w").asInt() <= b.path("x").asInt()
                                || b.path("x").asInt() + b.path("w").asInt()
                                        <= a.path("x").asInt()
                                || a.path("y").asInt() + a.path("h").asInt()
                                        <= b.path("y").asInt()
                                || b.path("y").asInt() + b.path("h").asInt()
                                        <= a.path("y").asInt();
                assertThat(apart)
                        .as(
                                "panels %s and %s overlap",
                                panels.get(i).path("id"), panels.get(j).path("id"))
                        .isTrue();
            }
        }
    }

    @Test
    void dataSourceComesOnlyFromTheVariable() {
        JsonNode variable = variable("datasource");
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        List<String> literals = new ArrayList<>();
        collectDatasourceLiterals(dashboard, "$", literals);
        assertThat(literals)
                .as("datasource references other than %s", DATASOURCE_REF)
                .isEmpty();
    }

    @Test
    void everyPanelHasQueriesAndRowsHaveNone() {
        for (JsonNode p : DashboardQueries.panels(dashboard)) {
            String title = p.path("title").asText();
            if (DashboardQueries.isRow(p)) {
                assertThat(p.path("targets").size())
                        .as("row \"%s\" has no queries", title)
                        .isZero();
                continue;
            }
            assertThat(p.path("targets").size())
                    .as("queries of panel \"%s\"", title)
                    .isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode t : p.path("targets")) {
                assertThat(t.path("expr").asText())
                        .as("expr of panel \"%s\"", title)
                        .isNotBlank();
                assertThat(refIds.add(t.path("refId").asText()))
                        .as("unique refId in \"%s\"", title)
                        .isTrue();
            }
        }
    }

    @Test
    void queriesUseContractMetricsAndDefinedVariablesOnly() {
        Set<String> defined = new HashSet<>(GRAFANA_BUILTINS);
        dashboard.at("/templating/list").forEach(v -> defined.add(v.path("name").asText()));
        for (DashboardQueries.Query q : DashboardQueries.queries()) {
            Matcher metric = METRIC.matcher(q.expr());
            while (metric.find()) {
                assertThat(CONTRACT_METRICS).as("metric in %s", q).contains(metric.group());
            }
            Matcher var = VARIABLE.matcher(q.expr());
            while (var.find()) {
                assertThat(defined).as("variable in %s", q).contains(var.group(1));
            }
        }
    }

    /** Prometheus' own parser (promtool) accepts every query once the variables are substituted. */
    @Test
    void everyQueryParses() throws Exception {
        Path rules = Files.createTempFile("dashboard-queries-", ".yaml");
        try {
            StringBuilder yaml = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
            int n = 0;
            for (DashboardQueries.Query q : DashboardQueries.queries()) {
                yaml.append("      - record: panel_query_")
                        .append(n++)
                        .append("\n        expr: '")
                        .append(q.substituted().replace("'", "''"))
                        .append("'\n");
            }
            Files.writeString(rules, yaml);
            Process promtool = new ProcessBuilder(
                            Prometheus.tool("promtool").toString(), "check", "rules", rules.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(promtool.getInputStream().readAllBytes());
            assertThat(promtool.exitValue())
                    .as("promtool check rules on the panel queries:%n%s%n%s", out, yaml)
                    .isZero();
        } finally {
            Files.deleteIfExists(rules);
        }
    }

    @Test
    void templateVariablesCoverOriginAndCause() {
        for (String name : List.of("origin", "cause")) {
            JsonNode v = variable(name);
            assertThat(v.path("type").asText()).isEqualTo("query");
            assertThat(v.path("includeAll").asBoolean())
                    .as("%s offers All", name)
                    .isTrue();
            assertThat(v.path("allValue").asText())
                    .as("%s All value (substituted in queries)", name)
                    .isEqualTo(".*");
            assertThat(v.path("definition").asText()).startsWith("label_values(originwatch_");
        }
    }

    private JsonNode variable(String name) {
        for (JsonNode v : dashboard.at("/templating/list")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        return fail("no template variable " + name);
    }

    private static void collectDatasourceLiterals(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = path + "." + e.getKey();
                if (e.getKey().equals("datasource") && !isVariableDatasource(e.getValue())) {
                    out.add(child + " = " + e.getValue());
                }
                collectDatasourceLiterals(e.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectDatasourceLiterals(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean isVariableDatasource(JsonNode ds) {
        if (ds.isTextual()) {
            return ds.asText().equals(DATASOURCE_REF);
        }
        return ds.isObject() && ds.path("uid").asText().equals(DATASOURCE_REF);
    }
}
