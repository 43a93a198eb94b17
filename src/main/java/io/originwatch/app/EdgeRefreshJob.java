package io.originwatch.app;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

/**
 * Refreshes the edge ranges every {@code originwatch.edge.refresh} (first run at start-up) and re-checks
 * allowlists every {@code originwatch.edge.allowlist-check}, so a changed file or Kubernetes object is
 * noticed without waiting for the next range refresh.
 */
@ApplicationScoped
public class EdgeRefreshJob {

    private final EdgeRuntime runtime;

    public EdgeRefreshJob(EdgeRuntime runtime) {
        this.runtime = runtime;
    }

    @Scheduled(
            identity = "originwatch-edge-refresh",
            every = "${originwatch.edge.refresh:6h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhenDisabled.class)
    void refresh() {
        runtime.refresh(false);
    }

    @Scheduled(
            identity = "originwatch-allowlist-check",
            every = "${originwatch.edge.allowlist-check:60s}",
            delayed = "${originwatch.edge.allowlist-check:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhenDisabled.class)
    void checkAllowlists() {
        runtime.checkAllowlists();
    }

    /** Skips both jobs when {@code originwatch.edge.enabled=false} (the test profile's default). */
    @Singleton
    public static class WhenDisabled implements Scheduled.SkipPredicate {

        private final EdgeRuntime runtime;

        public WhenDisabled(EdgeRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !runtime.enabled();
        }
    }
}
