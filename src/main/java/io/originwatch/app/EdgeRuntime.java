package io.originwatch.app;

import inet.ipaddr.IPAddress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.originwatch.cluster.ClusterEdge;
import io.originwatch.cluster.OwnerUnavailableException;
import io.originwatch.config.AllowlistsConfig;
import io.originwatch.config.ClusterConfig;
import io.originwatch.config.ClusterSettings;
import io.originwatch.config.ConfigError;
import io.originwatch.config.EdgeConfig;
import io.originwatch.config.EdgeSettings;
import io.originwatch.edge.allowlist.AllowlistDefinition;
import io.originwatch.edge.allowlist.AllowlistMonitor;
import io.originwatch.edge.allowlist.AllowlistStatus;
import io.originwatch.edge.allowlist.KubernetesAllowlistSource;
import io.originwatch.edge.cidr.Cidrs;
import io.originwatch.edge.ranges.EdgeRangeService;
import io.originwatch.edge.ranges.RangeDiff;
import io.originwatch.edge.ranges.RefreshOutcome;
import io.originwatch.metrics.EdgeMetrics;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Owns the edge range service and the allowlist monitor for the daemon's lifetime. A bad
 * {@code originwatch.edge.*} or {@code originwatch.allowlists} value is reported, with every other
 * configuration error, by the daemon's one start-up check ({@code SettingsLoader.load}), which then
 * exits 1; until then this runtime stays idle (nothing fetched, jobs skipped). The Kubernetes client
 * is only resolved if a Kubernetes allowlist is configured.
 *
 * <p>Cluster mode ({@link #joinCluster}): only the member that owns the edge key fetches and checks
 * (its refreshes and checks are published), the others skip their slots and take the published
 * state through their own validation ({@link ClusterEdge}); a refresh asked of another member runs
 * on the owner. No member checks the allowlists at start-up: the owner does at its first slot.
 */
@Startup
@ApplicationScoped
public class EdgeRuntime {

    private static final Logger LOG = Logger.getLogger(EdgeRuntime.class);

    private final EdgeConfig edgeConfig;
    private final AllowlistsConfig allowlistsConfig;
    private final EdgeMetrics metrics;
    private final Instance<KubernetesClient> kubernetes;
    private final ClusterConfig clusterConfig;
    private EdgeSettings settings;
    private EdgeRangeService ranges;
    private AllowlistMonitor monitor;
    private boolean valid;
    /** Cluster mode only: the fetching member's election and the published state. */
    private volatile ClusterEdge cluster;
    /** The list in force was accepted with force=true (its shrink passed unguarded). */
    private volatile boolean forced;

    public EdgeRuntime(
            EdgeConfig edgeConfig,
            AllowlistsConfig allowlistsConfig,
            EdgeMetrics metrics,
            Instance<KubernetesClient> kubernetes,
            ClusterConfig clusterConfig) {
        this.edgeConfig = edgeConfig;
        this.allowlistsConfig = allowlistsConfig;
        this.metrics = metrics;
        this.kubernetes = kubernetes;
        this.clusterConfig = clusterConfig;
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
        // in cluster mode the allowlists are checked by one member only, at its first slot
        boolean clustered =
                ClusterSettings.from(clusterConfig, new ArrayList<>()).enabled();
        if (settings.enabled() && !clustered && ranges.current() != null) {
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

    /**
     * Refreshes the ranges; a new list triggers an immediate drift recomputation. In cluster mode a
     * member that does not fetch asks the one that does; if that one does not answer, the outcome
     * is {@code Failed}, naming it.
     */
    public RefreshOutcome refresh(boolean force) {
        ClusterEdge c = cluster;
        if (c != null && !c.leads()) {
            return refreshOnOwner(c, force);
        }
        return refreshHere(force);
    }

    private synchronized RefreshOutcome refreshHere(boolean force) {
        RefreshOutcome outcome = ranges.refresh(force);
        if (outcome instanceof RefreshOutcome.Updated) {
            forced = force;
            monitor.check(ranges.current());
        }
        publish();
        return outcome;
    }

    private RefreshOutcome refreshOnOwner(ClusterEdge c, boolean force) {
        ClusterEdge.RefreshReply reply;
        try {
            reply = c.refreshOnOwner(force, ownerDeadline());
        } catch (OwnerUnavailableException e) {
            return new RefreshOutcome.Failed(e.getMessage());
        }
        return switch (reply.result()) {
            case "updated" ->
                new RefreshOutcome.Updated(
                        ranges.current(), new RangeDiff(blocks(reply.added()), blocks(reply.removed())));
            case "unchanged" -> new RefreshOutcome.Unchanged(ranges.current());
            case "rejected" -> new RefreshOutcome.Rejected(reply.detail());
            default -> new RefreshOutcome.Failed(reply.detail());
        };
    }

    /** Every feed URL twice (a 304 may need the body) at the fetch timeout, plus slack. */
    private Duration ownerDeadline() {
        return ranges.settings()
                .fetchTimeout()
                .multipliedBy(2L * Math.max(1, ranges.settings().urls().size()))
                .plusSeconds(5);
    }

    private static List<IPAddress> blocks(List<String> texts) {
        return texts.stream().map(t -> Cidrs.parse(t, true)).toList();
    }

    /** The scheduled refresh: standalone always; in cluster mode only on the member that fetches. */
    void scheduledRefresh() {
        ClusterEdge c = cluster;
        if (c == null || c.leads()) {
            refreshHere(false);
        }
    }

    /** The scheduled check: standalone always; in cluster mode only on the member that fetches. */
    void scheduledCheck() {
        ClusterEdge c = cluster;
        if (c == null || c.leads()) {
            checkHere();
        }
    }

    /**
     * Checks the allowlists now and returns their statuses. In cluster mode only the member that
     * fetches checks; the others return the statuses it published.
     */
    public List<AllowlistStatus> checkAllowlists() {
        ClusterEdge c = cluster;
        if (c != null && !c.leads()) {
            return monitor.statuses();
        }
        return checkHere();
    }

    private synchronized List<AllowlistStatus> checkHere() {
        List<AllowlistStatus> statuses = monitor.check(ranges.current());
        publish();
        return statuses;
    }

    private void publish() {
        ClusterEdge c = cluster;
        if (c == null) {
            return;
        }
        try {
            c.publish(ranges, forced, monitor);
        } catch (RuntimeException e) {
            // the others keep the last state published; the next slot publishes again
            LOG.warnf("cluster: publishing the edge state failed: %s", e.toString());
        }
    }

    /**
     * Cluster mode: follows the fetching member's published state (at once, then each update) and,
     * on the fetching member, publishes every refresh and check. Does nothing with the edge off.
     */
    void joinCluster(ClusterEdge edge) {
        if (!enabled()) {
            return;
        }
        cluster = edge;
        edge.follow(state -> {
            synchronized (this) {
                RefreshOutcome o = ClusterEdge.apply(state, ranges, monitor);
                if (o instanceof RefreshOutcome.Updated && state.ranges() != null) {
                    forced = state.ranges().forced();
                }
            }
        });
    }

    /** The handler a refresh forwarded by another member runs here (this member owns the edge key). */
    ClusterEdge.RefreshReply refreshForPeer(boolean force) {
        ClusterEdge c = cluster;
        String self = c == null ? "?" : c.self();
        if (!enabled()) {
            return new ClusterEdge.RefreshReply(
                    self, "failed", "originwatch.edge.enabled=false on " + self, List.of(), List.of());
        }
        RefreshOutcome o = refreshHere(force);
        return switch (o) {
            case RefreshOutcome.Updated u ->
                new ClusterEdge.RefreshReply(
                        self,
                        o.result(),
                        null,
                        strings(u.diff().added()),
                        strings(u.diff().removed()));
            case RefreshOutcome.Unchanged u ->
                new ClusterEdge.RefreshReply(self, o.result(), null, List.of(), List.of());
            case RefreshOutcome.Rejected r ->
                new ClusterEdge.RefreshReply(self, o.result(), r.reason(), List.of(), List.of());
            case RefreshOutcome.Failed f ->
                new ClusterEdge.RefreshReply(self, o.result(), f.reason(), List.of(), List.of());
        };
    }

    private static List<String> strings(List<IPAddress> blocks) {
        return blocks.stream().map(Object::toString).toList();
    }
}
