package io.originwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's panel queries, and those queries with Grafana's variables replaced the way
 * Grafana does for "All" selections, so that Prometheus can evaluate them directly.
 */
final class DashboardQueries {

    static final Path DASHBOARD = Path.of("grafana/dashboards/originwatch-overview.json");

    /**
     * Values for the variables the queries may use. Template variables take their "All" value
     * (the dashboard's allValue, {@code .*}); Grafana's built-ins take what a 1 h dashboard gets.
     * $__interval stays small because the "since" subquery needs samples from a young test series.
     */
    static final Map<String, String> SUBSTITUTIONS = Map.of(
            "$origin", ".*",
            "$cause", ".*",
            "$__rate_interval", "1m",
            "$__range", "1h",
            "$__interval", "1s");

    record Query(int panelId, String panelTitle, String refId, String expr) {
        String substituted() {
            String out = expr;
            for (Map.Entry<String, String> e : SUBSTITUTIONS.entrySet()) {
                out = out.replace("${" + e.getKey().substring(1) + "}", e.getValue())
                        .replace(e.getKey(), e.getValue());
            }
            return out;
        }

        @Override
        public String toString() {
            return "panel " + panelId + " \"" + panelTitle + "\" " + refId;
        }
    }

    private DashboardQueries() {}

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + DASHBOARD, e);
        }
    }

    /** Every panel, rows' nested panels included, in document order. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    static boolean isRow(JsonNode panel) {
        return "row".equals(panel.path("type").asText());
    }

    static List<Query> queries() {
        List<Query> out = new ArrayList<>();
        for (JsonNode p : panels(dashboard())) {
            for (JsonNode t : p.path("targets")) {
                out.add(new Query(
                        p.path("id").asInt(),
                        p.path("title").asText(),
                        t.path("refId").asText(),
                        t.path("expr").asText()));
            }
        }
        // annotation queries (the maintenance band) are checked like panel queries
        for (JsonNode a : dashboard().path("annotations").path("list")) {
            if (a.hasNonNull("expr")) {
                out.add(new Query(
                        0,
                        "annotation " + a.path("name").asText(),
                        "annotation",
                        a.path("expr").asText()));
            }
        }
        return out;
    }
}
