package io.originwatch.schedule;

import static io.originwatch.schedule.ProbeRunnerTest.spec;
import static io.originwatch.schedule.ProbeRunnerTest.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.maintenance.MaintenanceCalendar;
import io.originwatch.origin.Origin;
import io.originwatch.probe.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The starvation scenario of issue 13, scaled down: more silent origins than permits, each probe of
 * one holding its permit for a whole (short) response timeout, and a few quick origins due every
 * 200 ms. With one global pool the silent origins held every permit and a quick origin waited for
 * one to end (about 0.1 probes/s each here instead of 5); now they hold at most their share and every
 * quick run starts on time. The full-size scenario is bench/Fairness.java.
 */
class ProbeFairnessTest {

    private static final int PERMITS = 8;
    private static final int SILENT = 20;
    private static final int QUICK = 3;
    private static final Duration SILENT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SILENT_INTERVAL = Duration.ofMillis(500);
    private static final Duration QUICK_INTERVAL = Duration.ofMillis(200);

    /** The schedule lag of the run on this thread, handed from the listener to the engine. */
    private static final ThreadLocal<Duration> LAG = new ThreadLocal<>();

    private final OriginRegistry registry = ProbeRunnerTest.handDrivenRegistry();
    private final ProbeRunner runner = new ProbeRunner();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    private final Map<String, List<Duration>> quickLags = new ConcurrentHashMap<>();
    private final AtomicInteger silentInFlight = new AtomicInteger();
    private final AtomicInteger silentPeak = new AtomicInteger();
    private final AtomicInteger silentProbes = new AtomicInteger();
    private final CountDownLatch stop = new CountDownLatch(1);

    ProbeFairnessTest() {
        runner.registry = registry;
        runner.engine = new Engine();
        runner.observeWith(List.of());
        runner.listener = new ScheduleListener() {
            @Override
            public void started(Duration lag) {
                LAG.set(lag);
            }
        };
        runner.maintenance = new MaintenanceCalendar();
        runner.limitTo(PERMITS);
    }

    @AfterEach
    void tearDown() {
        stop.countDown();
        clock.shutdownNow();
        runner.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void silentOriginsBeyondThePermitsCannotDelayTheQuickOnes() {
        List<Origin> origins = new ArrayList<>();
        for (int i = 0; i < SILENT; i++) {
            origins.add(new Origin(spec("silent-" + i), SILENT_INTERVAL, Map.of(), "test"));
        }
        for (int i = 0; i < QUICK; i++) {
            origins.add(new Origin(spec("quick-" + i), QUICK_INTERVAL, Map.of(), "test"));
            quickLags.put("quick-" + i, new CopyOnWriteArrayList<>());
        }
        registry.apply(OriginRegistry.Source.CONFIG, origins);
        // as Quartz: each origin due every interval, from a phase within its interval
        for (Origin o : origins) {
            long period = o.interval().toMillis();
            long phase = ProbeScheduler.offset(o.name(), period);
            clock.scheduleAtFixedRate(
                    () -> runner.scheduled(o.name(), Instant.now()), phase, period, TimeUnit.MILLISECONDS);
        }

        // the quick origins' first probes queue with the suspects (nothing is known of them yet):
        // the promise holds from their first result on
        await().atMost(Duration.ofSeconds(30))
                .until(() -> quickLags.values().stream().allMatch(l -> !l.isEmpty()));
        quickLags.values().forEach(List::clear);
        int silentBefore = silentProbes.get();

        // 4 s of schedule: 20 runs of each quick origin are due; a loaded machine may skip a few as late
        await().atMost(Duration.ofSeconds(30))
                .until(() -> quickLags.values().stream().allMatch(l -> l.size() >= 15));
        for (var e : quickLags.entrySet()) {
            assertThat(e.getValue())
                    .as("schedule lag of every run of %s", e.getKey())
                    .allMatch(lag -> lag.compareTo(Duration.ofMillis(1000)) < 0);
        }
        assertThat(silentPeak.get())
                .as("silent probes in flight at once: their share of %d permits", PERMITS)
                .isEqualTo(PERMITS - PERMITS / 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> silentProbes.get() > silentBefore);
    }

    @Test
    void suspectsArePendingTimedOutOrSlowOriginsAndHoldThreeQuartersOfTheCap() {
        OriginState state = new OriginState(new Origin(spec("o"), QUICK_INTERVAL, Map.of(), "test"));
        assertThat(ProbePermits.suspect(state)).as("pending").isTrue();
        synchronized (state) {
            state.record(new io.originwatch.origin.ProbeRecord(verdict(Cause.OK, Instant.now())));
        }
        assertThat(ProbePermits.suspect(state)).as("quick ok").isFalse();
        synchronized (state) {
            state.record(new io.originwatch.origin.ProbeRecord(verdict(Cause.CONNECT_TIMEOUT, Instant.now())));
        }
        assertThat(ProbePermits.suspect(state)).as("connect_timeout").isTrue();
        synchronized (state) {
            state.record(new io.originwatch.origin.ProbeRecord(slowOk()));
        }
        assertThat(ProbePermits.suspect(state)).as("ok after 5 s").isTrue();

        assertThat(new ProbePermits(256).suspectShare()).isEqualTo(192);
        assertThat(new ProbePermits(4).suspectShare()).isEqualTo(3);
        assertThat(new ProbePermits(3).suspectShare()).as("no reserve below 4").isEqualTo(3);
        assertThat(new ProbePermits(1).suspectShare()).isEqualTo(1);
    }

    private static Verdict slowOk() {
        Verdict quick = verdict(Cause.OK, Instant.now());
        var r = quick.result();
        var slow = new io.originwatch.probe.ProbeResult(
                r.spec(),
                r.startedAt(),
                new io.originwatch.probe.PhaseTimings(Map.of(io.originwatch.probe.Phase.TOTAL, ProbePermits.SLOW_RUN)),
                r.connectedAddress(),
                r.failure(),
                r.head(),
                r.headerBytes(),
                r.bodyBytes(),
                r.bodyEndedEarly(),
                r.bodyLimitReached(),
                r.tls(),
                r.evidence(),
                r.httpVersion());
        return new Verdict(slow, quick.cause(), quick.edgeStatus(), quick.httpStatus(), List.of(), quick.detail());
    }

    /** Quick origins answer at once; silent ones hold their permit for the whole timeout. */
    private final class Engine extends ProbeEngine {
        @Override
        public Verdict probe(ProbeSpec spec) {
            Instant start = Instant.now();
            if (spec.name().startsWith("quick-")) {
                quickLags.get(spec.name()).add(LAG.get());
                return verdict(Cause.OK, start);
            }
            silentPeak.accumulateAndGet(silentInFlight.incrementAndGet(), Math::max);
            try {
                stop.await(SILENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                silentInFlight.decrementAndGet();
                silentProbes.incrementAndGet();
            }
            return verdict(Cause.RESPONSE_TIMEOUT, start);
        }
    }
}
