package io.originwatch.schedule;

import io.originwatch.classify.Verdict;
import io.originwatch.config.DaemonSettings;
import io.originwatch.maintenance.MaintenanceCalendar;
import io.originwatch.origin.EdgeProbeCompleted;
import io.originwatch.origin.Origin;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.origin.ProbeInFlightException;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.origin.UnknownOriginException;
import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Runs probes on virtual threads. Lifecycle of one probe:
 * <ol>
 * <li>claim the origin's single slot (a busy origin skips the run, or answers 409 to a manual probe);</li>
 * <li>on a virtual thread, take a permit of the global cap (an origin whose last probe timed out or
 * was slow, or that has none yet, takes one of the suspects' share, see {@link ProbePermits}), record
 * the schedule lag;</li>
 * <li>probe and classify; the result's start ({@code ProbeResult.startedAt}) is the probe's one
 * clock, kept as {@link ProbeRecord#probedAt()};</li>
 * <li>under the state's lock, unless the origin was removed meanwhile: update the state;</li>
 * <li>outside that lock, under the state's events lock and again unless removed: log a cause change,
 * tell the {@link ProbeObserver}s of the {@link ProbeCompleted} in their order (they must be fast: the
 * HAR write is queued; one that throws is logged and the others are still told);</li>
 * <li>with a via-edge URL, probe through the edge and tell them of the {@link EdgeProbeCompleted} the
 * same way;</li>
 * <li>release the permit and the slot.</li>
 * </ol>
 */
@ApplicationScoped
public class ProbeRunner {

    private static final Logger LOG = Logger.getLogger(ProbeRunner.class);

    @Inject
    OriginRegistry registry;

    @Inject
    ProbeEngine engine;

    /** Every observer bean, as Arc lists them; {@link #observers} holds them in their order. */
    @Inject
    @All
    List<ProbeObserver> observerBeans;

    @Inject
    ScheduleListener listener;

    @Inject
    MaintenanceCalendar maintenance;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile ProbePermits permits = new ProbePermits(DaemonSettings.DEFAULT_MAX_CONCURRENT_PROBES);
    private volatile boolean accepting = true;
    /** An array, not a list: the loop after each probe allocates nothing. */
    private volatile Observer[] observers = {};

    /** One observer, its name for the log and its failures (only the first is logged). */
    private record Observer(ProbeObserver observer, String name, AtomicLong failures) {}

    @PostConstruct
    void collectObservers() {
        observeWith(observerBeans);
    }

    /**
     * The observers, once (at start-up; tests call it directly): by {@link ProbeObserver.Stage}, then
     * by class name, so the order never depends on how the container lists beans.
     */
    void observeWith(List<? extends ProbeObserver> beans) {
        observers = beans.stream()
                .map(o -> new Observer(o, name(o), new AtomicLong()))
                .sorted(Comparator.comparing((Observer o) -> o.observer().stage())
                        .thenComparing(Observer::name))
                .toArray(Observer[]::new);
    }

    /** The observers' classes in the order they are told (a bean's, not its client proxy's). */
    public List<String> observerOrder() {
        return Arrays.stream(observers).map(Observer::name).toList();
    }

    private static String name(ProbeObserver o) {
        Class<?> type = o instanceof ClientProxy ? o.getClass().getSuperclass() : o.getClass();
        return type.getName();
    }

    /** At most {@code maxConcurrent} probes in flight, of which suspects hold at most three quarters ({@link ProbePermits}). */
    public void limitTo(int maxConcurrent) {
        permits = new ProbePermits(maxConcurrent);
    }

    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Called by the Quartz job: hand off and return at once. A run is skipped, never queued, when the
     * origin's previous probe is still in flight or when the run is more than one interval late
     * (Quartz fires a run that is late by less than its misfire threshold; replaying those back to
     * back would be the burst we promise not to make).
     */
    void scheduled(String name, Instant due) {
        OriginState state = registry.state(name).orElse(null);
        if (state == null || !accepting) {
            return;
        }
        if (Duration.between(due, Instant.now()).compareTo(state.origin().interval()) > 0) {
            listener.skipped(ScheduleListener.Skip.LATE);
            return;
        }
        if (!state.tryBeginProbe()) {
            listener.skipped(ScheduleListener.Skip.IN_FLIGHT);
            return;
        }
        executor.execute(() -> {
            try {
                run(state, due);
            } catch (RuntimeException e) {
                // already logged in run(); nothing waits for a scheduled probe's outcome
            }
        });
    }

    /** A manual probe: runs now (still under the global cap) and completes with its record. */
    public CompletableFuture<ProbeRecord> probeNow(String name) {
        OriginState state = registry.state(name).orElseThrow(() -> new UnknownOriginException(name));
        if (!state.tryBeginProbe()) {
            throw new ProbeInFlightException(name);
        }
        try {
            return CompletableFuture.supplyAsync(() -> run(state, null), executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            state.endProbe();
            throw new IllegalStateException("originwatch is shutting down", e);
        }
    }

    private ProbeRecord run(OriginState state, Instant due) {
        ProbePermits cap = permits;
        ProbePermits.Lease lease = null;
        try {
            lease = cap.acquire(ProbePermits.suspect(state));
            Instant start = Instant.now();
            if (due != null) {
                Duration lag = Duration.between(due, start);
                listener.started(lag.isNegative() ? Duration.ZERO : lag);
            }
            inFlight.incrementAndGet();
            try {
                Origin origin = state.origin();
                Verdict verdict = engine.probe(origin.spec());
                ProbeRecord record = publish(state, origin, verdict);
                probeViaEdge(state, origin, verdict);
                return record;
            } finally {
                inFlight.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe of " + state.origin().name() + " interrupted at shutdown", e);
        } catch (RuntimeException e) {
            // The prober promises never to throw; if it does, say so once per probe, keep the daemon up.
            LOG.errorf(
                    e,
                    "origin=%s probe failed inside originwatch (not an origin fault)",
                    state.origin().name());
            throw e;
        } finally {
            if (lease != null) {
                lease.close();
            }
            state.endProbe();
        }
    }

    /**
     * Records the result under the state's lock, then tells the observers outside it: a reader of the
     * state (the API, a scrape) never waits for an observer. The observers run under the state's
     * events lock instead, which only removal also takes, so no event of an origin follows its
     * {@link io.originwatch.origin.OriginRemoved}; events of one origin never overlap because its
     * single probe slot is held until they return.
     */
    private ProbeRecord publish(OriginState state, Origin origin, Verdict verdict) {
        ProbeRecord record = new ProbeRecord(verdict);
        // once per probe, by its start: the history entry and the alert tracker read the same answer
        boolean inMaintenance = maintenance.covers(origin.name(), origin.labels(), record.probedAt());
        OriginState.Transition t;
        synchronized (state) {
            if (state.removed()) {
                return record;
            }
            t = state.record(record, inMaintenance);
        }
        state.fireUnlessRemoved(() -> {
            if (t.changed()) {
                LOG.infof(
                        "origin=%s cause=%s->%s edge_status=%d detail=\"%s\"",
                        origin.name(),
                        t.from() == null ? "pending" : t.from().label(),
                        t.to().label(),
                        verdict.edgeStatus(),
                        escape(verdict.detail()));
            }
            deliver(new ProbeCompleted(origin.name(), origin.labels(), verdict, inMaintenance));
        });
        return record;
    }

    /**
     * Tells every observer of {@code event} in order, as after each probe (step 5). Public for the
     * wiring tests, which replay results through the same road; the runner calls it under the
     * origin's events lock.
     */
    public void deliver(ProbeCompleted event) {
        tell(event.origin(), event, ProbeObserver::onProbe);
    }

    /** As {@link #deliver(ProbeCompleted)}, for the via-edge result (step 6). */
    public void deliver(EdgeProbeCompleted event) {
        tell(event.origin(), event, ProbeObserver::onEdgeProbe);
    }

    /**
     * An observer that throws must not cost the others their result, nor the probe its via-edge half
     * (Arc's synchronous events passed the exception up to the probe and skipped the observers after
     * it). Its first failure is logged with its name and stack, then its 10th, 100th, 1,000th and so
     * on with the count, so a broken observer neither writes a line per probe nor goes quiet.
     */
    private <E> void tell(String origin, E event, BiConsumer<ProbeObserver, E> call) {
        for (Observer o : observers) {
            try {
                call.accept(o.observer(), event);
            } catch (RuntimeException e) {
                long n = o.failures().incrementAndGet();
                if (n == 1) {
                    LOG.errorf(
                            e,
                            "origin=%s observer=%s failed on a probe result inside originwatch (not an origin"
                                    + " fault); the other observers were told; its 10th, 100th, 1,000th... failure"
                                    + " is logged again",
                            origin,
                            o.name());
                } else if (powerOfTen(n)) {
                    LOG.errorf(
                            "origin=%s observer=%s failed on a probe result inside originwatch: %d failure(s) so"
                                    + " far, the latest %s",
                            origin, o.name(), n, e.toString());
                }
            }
        }
    }

    private static boolean powerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }

    /** How often the observer of class {@code name} threw (tests). */
    long failures(String name) {
        return Arrays.stream(observers)
                .filter(o -> o.name().equals(name))
                .mapToLong(o -> o.failures().get())
                .sum();
    }

    /**
     * The same request through the edge by the public URL (issue 7), in the same slot and permit as
     * the direct probe, so the pair is never split by another run of the origin.
     */
    private void probeViaEdge(OriginState state, Origin origin, Verdict direct) {
        if (origin.viaEdge() == null) {
            return;
        }
        Verdict edge = engine.probe(origin.viaEdge());
        state.fireUnlessRemoved(() -> deliver(new EdgeProbeCompleted(origin.name(), direct, edge)));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Refuses new probes, then gives those in flight {@code grace} to finish; true if they all did. */
    public boolean shutdown(Duration grace) {
        accepting = false;
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warnf("%d probe(s) still in flight after %ds; abandoning them", inFlight.get(), grace.toSeconds());
            executor.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
