package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the overlays and components add: the ServiceMonitor scrapes the Service's port and the
 * metrics path, the PrometheusRule is well-formed, the dashboard ConfigMap carries the sidecar
 * label and exactly the repository's dashboard JSON, and the allowlist RBAC grants read access to
 * NetworkPolicies and Ingresses and nothing else.
 */
class OverlayManifestTest {

    private static final Path OPERATOR = Kustomize.KUBERNETES_DIR.resolve("overlays/prometheus-operator");
    private static final Path ALLOWLISTS = Kustomize.KUBERNETES_DIR.resolve("overlays/kubernetes-allowlists");
    static final Path DASHBOARD = Path.of("grafana/dashboards/originwatch-overview.json");

    @Test
    void serviceMonitorScrapesTheServicePortAndMetricsPath() {
        List<JsonNode> objects = Kustomize.render(OPERATOR);
        JsonNode monitor = Kustomize.find(objects, "ServiceMonitor", "originwatch");
        JsonNode service = Kustomize.find(objects, "Service", "originwatch");
        JsonNode endpoint = monitor.at("/spec/endpoints/0");
        assertThat(endpoint.path("port").asText())
                .as("ServiceMonitor port names the Service port")
                .isEqualTo(service.at("/spec/ports/0/name").asText());
        assertThat(endpoint.path("path").asText()).isEqualTo(AppSettings.METRICS_PATH);
        monitor.at("/spec/selector/matchLabels")
                .fields()
                .forEachRemaining(e -> assertThat(
                                service.at("/metadata/labels").path(e.getKey()).asText())
                        .as("Service label %s selected by the ServiceMonitor", e.getKey())
                        .isEqualTo(e.getValue().asText()));
        assertThat(service.at("/metadata/annotations")
                        .path("prometheus.io/scrape")
                        .asText())
                .as("annotation scrape off where the ServiceMonitor scrapes (no double collection)")
                .isEqualTo("false");
    }

    @Test
    void prometheusRuleHasNamedRulesWithExpressions() {
        JsonNode rule = Kustomize.find(Kustomize.render(OPERATOR), "PrometheusRule", "originwatch");
        JsonNode groups = rule.at("/spec/groups");
        assertThat(groups.size()).as("rule groups").isPositive();
        for (JsonNode group : groups) {
            assertThat(group.path("name").asText()).as("group name").isNotBlank();
            assertThat(group.path("rules").size())
                    .as("rules in group %s", group.path("name"))
                    .isPositive();
            for (JsonNode r : group.path("rules")) {
                String id = r.path("alert").asText(r.path("record").asText());
                assertThat(id)
                        .as("rule has alert or record in %s", group.path("name"))
                        .isNotBlank();
                assertThat(r.path("expr").asText()).as("expr of %s", id).isNotBlank();
                if (r.has("alert")) {
                    assertThat(r.at("/labels/severity").asText())
                            .as("severity of %s", id)
                            .isNotBlank();
                    assertThat(r.at("/annotations/summary").asText())
                            .as("summary of %s", id)
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void dashboardConfigMapIsLabelledForTheSidecarAndIdenticalToTheFile() throws IOException {
        JsonNode configMap = Kustomize.find(Kustomize.render(OPERATOR), "ConfigMap", "originwatch-dashboard");
        assertThat(configMap.at("/metadata/labels").path("grafana_dashboard").asText())
                .isEqualTo("1");
        String embedded =
                configMap.at("/data").path(DASHBOARD.getFileName().toString()).asText();
        assertThat(embedded)
                .as("dashboard JSON in the ConfigMap is the repository's file, byte for byte")
                .isEqualTo(Files.readString(DASHBOARD));
        assertThat(new ObjectMapper().readTree(embedded).path("uid").asText()).isNotBlank();
    }

    @Test
    void allowlistRbacGetsTheNamedNetworkPoliciesAndIngressesOnly() {
        List<JsonNode> objects = Kustomize.render(ALLOWLISTS);
        JsonNode role = Kustomize.find(objects, "Role", "originwatch-allowlist-reader");
        List<String> grants = new ArrayList<>();
        for (JsonNode rule : role.path("rules")) {
            assertThat(rule.has("nonResourceURLs")).as("no non-resource URLs").isFalse();
            assertThat(rule.path("resourceNames").size())
                    .as("an allowlist: every rule names its objects")
                    .isPositive();
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        grants.add(group.asText() + "/" + resource.asText() + ":" + verb.asText());
                    }
                }
            }
        }
        assertThat(grants)
                .as("every (apiGroup/resource:verb) the Role grants: get, the only verb KubernetesAllowlistSource uses")
                .containsExactlyInAnyOrder("networking.k8s.io/networkpolicies:get", "networking.k8s.io/ingresses:get");

        JsonNode binding = Kustomize.find(objects, "RoleBinding", "originwatch-allowlist-reader");
        assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo("originwatch-allowlist-reader");
        JsonNode subject = binding.at("/subjects/0");
        assertThat(binding.path("subjects").size()).isEqualTo(1);
        assertThat(subject.path("kind").asText()).isEqualTo("ServiceAccount");
        assertThat(subject.path("name").asText()).isEqualTo("originwatch");
        assertThat(subject.path("namespace").asText())
                .isEqualTo(binding.at("/metadata/namespace").asText());
        JsonNode deployment = Kustomize.find(objects, "Deployment", "originwatch");
        assertThat(deployment
                        .at("/spec/template/spec/automountServiceAccountToken")
                        .asBoolean())
                .as("the token the Kubernetes client needs is mounted")
                .isTrue();
    }

    @Test
    void baseMountsNoApiToken() {
        List<JsonNode> objects = Kustomize.render(Kustomize.KUBERNETES_DIR.resolve("base"));
        assertThat(Kustomize.find(objects, "Deployment", "originwatch")
                        .at("/spec/template/spec/automountServiceAccountToken")
                        .asBoolean(true))
                .isFalse();
        assertThat(Kustomize.find(objects, "ServiceAccount", "originwatch")
                        .path("automountServiceAccountToken")
                        .asBoolean(true))
                .isFalse();
    }
}
