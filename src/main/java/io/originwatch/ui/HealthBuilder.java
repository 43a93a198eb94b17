package io.originwatch.ui;

import io.originwatch.api.ClusterResource;
import io.originwatch.api.ClusterView;
import io.originwatch.api.EdgeResource;
import io.originwatch.api.ErrorBody;
import io.originwatch.app.AlertingService;
import io.originwatch.app.Daemon;
import io.originwatch.app.EdgeRuntime;
import io.originwatch.app.OriginsFileWatcher;
import io.originwatch.edge.allowlist.AllowlistStatus;
import io.originwatch.metrics.ScheduleMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The overview's "originwatch itself" panel, read from what the daemon already holds: readiness from
 * {@link Daemon} (as {@code /q/health/ready}), the origins file's last load from its watcher, the
 * schedule lag from the histogram {@code originwatch_schedule_lag_seconds} is exported from, the
 * ranges through the API's own {@link EdgeResource} (as the edge page), the allowlists' last check,
 * the active alerts, and in cluster mode {@code GET /api/cluster}'s view.
 */
@ApplicationScoped
public class HealthBuilder {

    /** Above this the recent maximum lag is flagged (the lagging alert fires at a p99 over 1 s). */
    static final Duration LAG_WARN = Duration.ofSeconds(1);

    @Inject
    Daemon daemon;

    @Inject
    OriginsFileWatcher watcher;

    @Inject
    ScheduleMetrics schedule;

    @Inject
    EdgeRuntime edge;

    @Inject
    EdgeResource edgeApi;

    @Inject
    AlertingService alerting;

    @Inject
    ClusterResource clusterApi;

    public Overview.Health build() {
        ClusterView cluster = clusterApi.get();
        ScheduleMetrics.Lag lag = schedule.lag();
        List<AllowlistStatus> lists = edge.monitor().statuses();
        return new Overview.Health(
                daemon.ready(),
                readiness(cluster),
                watcher.lastReload()
                        .map(r -> new Overview.Reload(
                                r.file().toString(),
                                OverviewBuilder.since(r.at().toString()),
                                r.outcome(),
                                r.detail(),
                                r.failed()))
                        .orElse(null),
                lag(lag),
                lag.recentMax().compareTo(LAG_WARN) > 0,
                ranges(),
                edge.monitor().definitions().size(),
                lists.stream()
                        .filter(s -> s.error() != null)
                        .map(AllowlistStatus::name)
                        .toList(),
                alerting.active().size(),
                cluster.enabled() ? cluster(cluster) : null);
    }

    private String readiness(ClusterView cluster) {
        if (daemon.ready()) {
            return "configuration valid, probes scheduled";
        }
        return cluster.enabled() && !cluster.quorum()
                ? "this member sees " + cluster.members().size()
                        + " member(s), below originwatch.cluster.min-members (it neither probes nor pages)"
                : "starting or stopping";
    }

    static String lag(ScheduleMetrics.Lag lag) {
        if (lag.started() == 0) {
            return "no probe started yet";
        }
        return String.format(
                Locale.ROOT,
                "max %s in the last 2 minutes, mean %s over %,d probe starts; skipped since start: %,d late, %,d still in flight",
                Waterfall.ms(lag.recentMax().toNanos() / 1e6),
                Waterfall.ms(lag.mean().toNanos() / 1e6),
                lag.started(),
                lag.skippedLate(),
                lag.skippedInFlight());
    }

    private Overview.Ranges ranges() {
        String off = "never: refreshes are off (originwatch.edge.enabled=false)";
        Response r = edgeApi.ranges();
        if (!(r.getEntity() instanceof EdgeResource.RangesView v)) {
            return new Overview.Ranges(
                    ((ErrorBody) r.getEntity()).detail(), false, edge.enabled() ? "none since start" : off, false);
        }
        String inForce = v.provider() + ": " + (v.ipv4().size() + v.ipv6().size()) + " ranges from " + v.source()
                + (v.fetchedAt() == null
                        ? ""
                        : ", fetched " + OverviewBuilder.since(v.fetchedAt().toString()));
        String refresh = v.lastRefreshResult() == null
                ? (edge.enabled() ? "none since start" : off)
                : v.lastRefreshResult() + ", "
                        + OverviewBuilder.since(v.lastRefreshAt().toString())
                        + (v.lastRefreshDetail() == null ? "" : ": " + v.lastRefreshDetail());
        boolean refreshFailed = "rejected".equals(v.lastRefreshResult()) || "failed".equals(v.lastRefreshResult());
        return new Overview.Ranges(inForce, v.stale(), refresh, refreshFailed);
    }

    private static Overview.Cluster cluster(ClusterView c) {
        return new Overview.Cluster(
                c.name(),
                c.quorum(),
                c.members().stream()
                        .map(m -> m.address() + (m.self() ? " (this member)" : "") + ": " + m.origins() + " origin(s)")
                        .toList());
    }
}
