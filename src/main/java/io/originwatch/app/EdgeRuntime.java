package io.originwatch.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.originwatch.config.AllowlistsConfig;
import io.originwatch.config.ConfigError;
import io.originwatch.config.EdgeConfig;
import io.originwatch.config.EdgeSettings;
import io.originwatch.edge.allowlist.AllowlistDefinition;
import io.originwatch.edge.allowlist.AllowlistMonitor;
import io.originwatch.edge.allowlist.AllowlistStatus;
import io.originwatch.edge.allowlist.KubernetesAllowlistSource;
import io.originwatch.edge.ranges.EdgeRangeService;
import io.originwatch.edge.ranges.RefreshOutcome;
import io.originwatch.metrics.EdgeMetrics;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns the edge range service and the allowlist monitor for the daemon's lifetime. A bad
 * {@code originwatch.edge.*} or {@code originwatch.allowlists} value is reported, with every other
 * configuration error, by the daemon's one start-up check ({@code SettingsLoader.load}), which then
 * exits 1; until then this runtime stays idle (nothing fetched, jobs skipped). The Kubernetes client
 * is only resolved if a Kubernetes allowlist is configured.
 */
@Startup
@ApplicationScoped
public class EdgeRuntime {

    private final EdgeConfig edgeConfig;
    private final AllowlistsConfig allowlistsConfig;
    private final EdgeMetrics metrics;
    private final Instance<KubernetesClient> kubernetes;
    private EdgeSettings settings;
    private EdgeRangeService ranges;
    private AllowlistMonitor monitor;
    private boolean valid;

    public EdgeRuntime(
            EdgeConfig edgeConfig,
            AllowlistsConfig allowlistsConfig,
            EdgeMetrics metrics,
            Instance<KubernetesClient> kubernetes) {
        this.edgeConfig = edgeConfig;
        this.allowlistsConfig = allowlistsConfig;
        this.metrics = metrics;
        this.kubernetes = kubernetes;
    }

    @PostConstruct
    void init() {
        List<ConfigError> errors = new ArrayList<>();
        settings = EdgeSettings.from(edgeConfig, errors);
        List<AllowlistDefinition> defs = EdgeSettings.allowlists(
                allowlistsConfig,
                (name, k) -> new KubernetesAllowlistSource(kubernetes::get, k.kind(), k.namespace(), k.name()),
                errors);
        valid = errors.isEmpty();
        ranges = new EdgeRangeService(settings.ranges(), new JacksonJsonCodec(), metrics, Clock.systemUTC());
        monitor = new AllowlistMonitor(defs, metrics, Clock.systemUTC());
        if (!valid) {
            return;
        }
        metrics.bindProvider(ranges.provider(), ranges::stale);
        defs.forEach(d -> metrics.bindAllowlist(d.name()));
        ranges.start();
        // with no list yet (custom provider, first start) the start-up refresh job checks once it has one
        if (settings.enabled() && ranges.current() != null) {
            monitor.check(ranges.current());
        }
    }

    public EdgeRangeService ranges() {
        return ranges;
    }

    public AllowlistMonitor monitor() {
        return monitor;
    }

    /** False also while an invalid configuration makes the daemon exit. */
    public boolean enabled() {
        return valid && settings.enabled();
    }

    /** The validated edge settings (disabled ones while an invalid configuration makes the daemon exit). */
    public EdgeSettings settings() {
        return settings;
    }

    /** Refreshes the ranges; a new list triggers an immediate drift recomputation. */
    public RefreshOutcome refresh(boolean force) {
        RefreshOutcome outcome = ranges.refresh(force);
        if (outcome instanceof RefreshOutcome.Updated) {
            monitor.check(ranges.current());
        }
        return outcome;
    }

    public List<AllowlistStatus> checkAllowlists() {
        return monitor.check(ranges.current());
    }
}
