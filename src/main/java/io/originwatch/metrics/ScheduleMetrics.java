package io.originwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.ProbeRunner;
import io.originwatch.schedule.ScheduleListener;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code originwatch_schedule_lag_seconds} (a histogram), {@code originwatch_probes_skipped_total{reason}},
 * {@code originwatch_probes_in_flight} and {@code originwatch_origins}. The first two are fed by the
 * runner's {@link ScheduleListener} events; the gauges read the runner and the registry themselves,
 * so there is no second counter to keep in step. Built at start-up so every series exists from the
 * first scrape.
 */
@Startup
@ApplicationScoped
public class ScheduleMetrics implements ScheduleListener {

    @Inject
    MeterRegistry meters;

    @Inject
    OriginRegistry registry;

    @Inject
    ProbeRunner runner;

    private final Map<Skip, Counter> skipped = new EnumMap<>(Skip.class);
    private Timer lag;

    @PostConstruct
    void init() {
        lag = Timer.builder("originwatch.schedule.lag")
                .description("How late probes start against their scheduled time")
                .serviceLevelObjectives(
                        ms(5),
                        ms(10),
                        ms(25),
                        ms(50),
                        ms(100),
                        ms(250),
                        ms(500),
                        ms(1000),
                        ms(2500),
                        ms(5000),
                        ms(10_000))
                .register(meters);
        Gauge.builder("originwatch.probes.in.flight", runner, ProbeRunner::inFlight)
                .description("Probes running now")
                .strongReference(true)
                .register(meters);
        // in_flight first, then late: the order the counters were always registered in
        skipped.put(Skip.IN_FLIGHT, skippedCounter(Skip.IN_FLIGHT));
        skipped.put(Skip.LATE, skippedCounter(Skip.LATE));
        Gauge.builder("originwatch.origins", registry, OriginRegistry::size)
                .description("Origins configured and scheduled")
                .strongReference(true)
                .register(meters);
    }

    private Counter skippedCounter(Skip reason) {
        return Counter.builder("originwatch.probes.skipped")
                .tag("reason", reason.label())
                .description(
                        "Scheduled runs skipped: previous probe of the origin still in flight, or run over an interval late")
                .register(meters);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /**
     * The schedule lag as the console shows it, read from the histogram itself: the largest lag in
     * the timer's decaying window (about the last two minutes), the mean since start, and the runs
     * skipped since start.
     */
    public record Lag(Duration recentMax, Duration mean, long started, long skippedLate, long skippedInFlight) {}

    public Lag lag() {
        long n = lag.count();
        return new Lag(
                Duration.ofNanos((long) lag.max(TimeUnit.NANOSECONDS)),
                n == 0 ? Duration.ZERO : Duration.ofNanos((long) (lag.totalTime(TimeUnit.NANOSECONDS) / n)),
                n,
                (long) skipped.get(Skip.LATE).count(),
                (long) skipped.get(Skip.IN_FLIGHT).count());
    }

    @Override
    public void started(Duration lag) {
        this.lag.record(lag);
    }

    @Override
    public void skipped(Skip reason) {
        skipped.get(reason).increment();
    }
}
