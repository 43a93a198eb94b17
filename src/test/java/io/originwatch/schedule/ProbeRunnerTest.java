package io.originwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.alert.ActiveAlert;
import io.originwatch.alert.AlertPolicy;
import io.originwatch.alert.AlertTracker;
import io.originwatch.alert.Thresholds;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.evidence.Redactor;
import io.originwatch.maintenance.MaintenanceCalendar;
import io.originwatch.origin.EdgeProbeCompleted;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.origin.ViaEdgeDropped;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeFailure;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.StatusSet;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner without Quarkus: a scripted engine, events recorded in order. Covers the probe's one
 * clock, the fan-out outside the state's lock and the ordering of events against removal (the
 * observers' own order and failures: {@link ProbeObserverDeliveryTest}).
 */
class ProbeRunnerTest {

    /** A start with nanoseconds, far from now: any second clock (Instant.now() somewhere) would show. */
    private static final Instant STARTED = Instant.parse("2026-03-04T05:06:07.123456789Z");

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<Consumer<ProbeCompleted>> onProbe = new AtomicReference<>(e -> {});
    private final ScriptedEngine engine = new ScriptedEngine();
    private final OriginRegistry registry = new OriginRegistry();
    private final ProbeRunner runner = new ProbeRunner();

    ProbeRunnerTest() {
        registry.scheduler = new ProbeScheduler() {
            @Override
            public void scheduleAll(Collection<Origin> origins) {}

            @Override
            public void unscheduleAll(Collection<String> names) {}
        };
        registry.removedEvent = new Recording<>(e -> events.add(e));
        registry.viaEdgeDroppedEvent = new Recording<ViaEdgeDropped>(e -> events.add(e));
        runner.registry = registry;
        runner.engine = engine;
        runner.observeWith(List.of(new ProbeObserver() {
            @Override
            public Stage stage() {
                return Stage.METRICS;
            }

            @Override
            public void onProbe(ProbeCompleted e) {
                events.add(e);
                onProbe.get().accept(e);
            }

            @Override
            public void onEdgeProbe(EdgeProbeCompleted e) {
                events.add(e);
            }
        }));
        runner.listener = ScheduleListener.NONE;
        runner.maintenance = new MaintenanceCalendar();
        registry.apply(
                OriginRegistry.Source.CONFIG,
                List.of(new Origin(spec("shop"), Duration.ofSeconds(30), Map.of(), "test")));
    }

    @AfterEach
    void stop() {
        runner.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void theProbesStartIsItsOneClockForTheApiTheHarAndTheAlert() throws Exception {
        engine.next = verdict(Cause.CONNECTION_RESET, STARTED);
        AlertTracker alerts = new AlertTracker(new AlertPolicy(new Thresholds(1, 1), Map.of(), Map.of()));
        onProbe.set(e -> alerts.record(e.origin(), e.labels(), e.verdict(), Instant.now()));

        ProbeRecord record = runner.probeNow("shop").get(10, TimeUnit.SECONDS);

        OriginState state = registry.state("shop").orElseThrow();
        assertThat(record.probedAt()).isEqualTo(STARTED);
        assertThat(state.latest().orElseThrow().probedAt()).as("API probedAt").isEqualTo(STARTED);
        assertThat(HistoryEntry.of(state.latest().orElseThrow()).probedAt().toString())
                .as("API probedAt as served")
                .isEqualTo("2026-03-04T05:06:07.123456789Z");
        assertThat(state.history()).extracting(HistoryEntry::probedAt).containsExactly(STARTED);
        assertThat(state.lastCauseChange()).contains(STARTED);

        Captured c = new Captured(record.verdict(), ProbeKind.DIRECT);
        String har = c.har(new HarBuilder("test", new Redactor(List.of())))
                .log()
                .entries()
                .get(0)
                .startedDateTime();
        assertThat(har)
                .as("HAR startedDateTime: the same instant at the HAR's millisecond precision")
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(STARTED.truncatedTo(ChronoUnit.MILLIS)));

        ActiveAlert alert = alerts.active().get(0);
        assertThat(alert.probedAt()).as("alert probedAt").isEqualTo(STARTED);
        assertThat(alert.startsAt()).as("alert startsAt").isEqualTo(STARTED);
    }

    @Test
    void observersRunOutsideTheStatesLockSoReadersNeverWait() throws Exception {
        engine.next = verdict(Cause.OK, STARTED);
        CountDownLatch inObserver = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        onProbe.set(e -> {
            inObserver.countDown();
            waitFor(release);
        });

        CompletableFuture<ProbeRecord> probe = runner.probeNow("shop");
        assertThat(inObserver.await(10, TimeUnit.SECONDS)).isTrue();

        OriginState state = registry.state("shop").orElseThrow();
        // a reader on another thread (as the API is) while the observer still runs
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(
                () -> state.latest().map(r -> state.history().size()).orElse(0));
        assertThat(read.get(5, TimeUnit.SECONDS))
                .as("the state is readable, and already updated, while observers run")
                .isEqualTo(1);
        assertThat(probe).isNotDone();

        release.countDown();
        assertThat(probe.get(10, TimeUnit.SECONDS).probedAt()).isEqualTo(STARTED);
    }

    @Test
    void removalWaitsForTheEventsBeingFiredAndNoEventFollowsIt() throws Exception {
        engine.next = verdict(Cause.OK, STARTED);
        CountDownLatch inObserver = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        onProbe.set(e -> {
            inObserver.countDown();
            waitFor(release);
        });
        CompletableFuture<ProbeRecord> probe = runner.probeNow("shop");
        assertThat(inObserver.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<OriginRegistry.Change> removal =
                CompletableFuture.supplyAsync(() -> registry.apply(OriginRegistry.Source.CONFIG, List.of()));
        // removal can only finish after the observer returns: the events lock orders them
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !removal.isDone());
        release.countDown();
        assertThat(removal.get(10, TimeUnit.SECONDS).removed()).isEqualTo(1);
        probe.get(10, TimeUnit.SECONDS);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ProbeCompleted.class);
        assertThat(events.get(1)).isEqualTo(new OriginRemoved("shop"));
    }

    @Test
    void aProbeThatEndsAfterItsOriginWasRemovedPublishesNothing() throws Exception {
        engine.next = verdict(Cause.OK, STARTED);
        engine.hold = new CountDownLatch(1);
        CompletableFuture<ProbeRecord> probe = runner.probeNow("shop");
        assertThat(engine.entered.await(10, TimeUnit.SECONDS)).isTrue();
        OriginState state = registry.state("shop").orElseThrow();

        registry.apply(OriginRegistry.Source.CONFIG, List.of());
        engine.hold.countDown();
        probe.get(10, TimeUnit.SECONDS);

        assertThat(events).containsExactly(new OriginRemoved("shop"));
        assertThat(state.latest()).isEmpty();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns {@link #next} for every probe; can be held inside the probe. */
    static final class ScriptedEngine extends ProbeEngine {
        volatile Verdict next;
        volatile CountDownLatch hold = new CountDownLatch(0);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public Verdict probe(ProbeSpec spec) {
            entered.countDown();
            waitFor(hold);
            return next;
        }
    }

    /** A CDI event that calls one consumer synchronously, as Quarkus does for synchronous observers. */
    /** A registry whose scheduler does nothing and whose events go nowhere: the test runs the probes itself. */
    static OriginRegistry handDrivenRegistry() {
        OriginRegistry registry = new OriginRegistry();
        registry.scheduler = new ProbeScheduler() {
            @Override
            public void scheduleAll(Collection<Origin> origins) {}

            @Override
            public void unscheduleAll(Collection<String> names) {}
        };
        registry.removedEvent = new Recording<>(e -> {});
        registry.viaEdgeDroppedEvent = new Recording<ViaEdgeDropped>(e -> {});
        return registry;
    }

    static final class Recording<T> implements Event<T> {
        private final Consumer<T> consumer;

        Recording(Consumer<T> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void fire(T event) {
            consumer.accept(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    static ProbeSpec spec(String origin) {
        return new ProbeSpec(
                origin,
                URI.create("https://127.0.0.1:8443/health"),
                origin + ".test",
                "GET",
                List.of(),
                Duration.ofSeconds(19),
                Duration.ofSeconds(125),
                8192,
                65536,
                StatusSet.DEFAULT,
                true,
                null,
                "originwatch-test");
    }

    static Verdict verdict(Cause cause, Instant startedAt) {
        PhaseTimings timings =
                new PhaseTimings(Map.of(Phase.CONNECT, Duration.ofMillis(12), Phase.TOTAL, Duration.ofMillis(57)));
        ProbeFailure failure = switch (cause) {
            case OK -> null;
            case CONNECTION_RESET -> new ProbeFailure.Reset(0, true);
            default -> new ProbeFailure.Internal("synthetic " + cause.label());
        };
        ProbeResult result = new ProbeResult(
                spec("shop"), startedAt, timings, null, failure, null, 0, 0, false, false, null, Evidence.none());
        int edgeStatus = cause == Cause.OK ? 200 : cause.fixedEdgeStatus();
        return new Verdict(result, cause, edgeStatus, cause == Cause.OK ? 200 : 0, List.of(), cause.label());
    }
}
