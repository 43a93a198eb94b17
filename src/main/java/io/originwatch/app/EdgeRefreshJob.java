package io.originwatch.app;

import io.originwatch.config.EdgeSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refreshes the edge ranges every {@code originwatch.edge.refresh} (first run at start-up) and re-checks
 * allowlists every {@code originwatch.edge.allowlist-check}, so a changed file or Kubernetes object is
 * noticed without waiting for the next range refresh.
 *
 * <p>Both jobs are scheduled here, with the intervals the config layer converted, rather than by
 * {@code @Scheduled(every = "${originwatch.edge.refresh}")}: the scheduler reads such an expression
 * before the daemon's start-up check and fails on a value that is not a duration, with its own
 * message and a stack trace, where the check reports it with every other error. With the edge off
 * ({@code originwatch.edge.enabled=false}, the test profile's default) or an invalid configuration
 * neither job is scheduled. In cluster mode both run on every member, and only the member owning the
 * edge key fetches or checks at its slot ({@link EdgeRuntime#scheduledRefresh}).
 */
@ApplicationScoped
public class EdgeRefreshJob {

    static final String REFRESH = "originwatch-edge-refresh";
    static final String ALLOWLIST_CHECK = "originwatch-allowlist-check";

    private final EdgeRuntime runtime;
    private final Scheduler scheduler;

    public EdgeRefreshJob(EdgeRuntime runtime, Scheduler scheduler) {
        this.runtime = runtime;
        this.scheduler = scheduler;
    }

    void schedule(@Observes StartupEvent event) {
        if (!runtime.enabled()) {
            return;
        }
        EdgeSettings settings = runtime.settings();
        scheduler
                .newJob(REFRESH)
                .setInterval(settings.refresh().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> runtime.scheduledRefresh())
                .schedule();
        scheduler
                .newJob(ALLOWLIST_CHECK)
                .setInterval(settings.allowlistCheck().toString())
                .setDelayed(settings.allowlistCheck().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> runtime.scheduledCheck())
                .schedule();
    }
}
