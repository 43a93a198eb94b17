package io.originwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.maintenance.MaintenanceCalendar;
import io.originwatch.origin.EdgeProbeCompleted;
import io.originwatch.origin.Origin;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.origin.ProbeRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The probe observers without Quarkus: told in stage order (the handover last, after the alerts),
 * then by class name, whatever order they are listed in; one that throws costs the others nothing,
 * nor the probe, and is logged with its name at its first, 10th, 100th... failure.
 */
class ProbeObserverDeliveryTest {

    private static final Instant STARTED = Instant.parse("2026-03-04T05:06:07Z");

    /** Who was told what, in order: "Handover:probe", "Alerts:edge", ... */
    private final List<String> told = new CopyOnWriteArrayList<>();

    private final ProbeRunnerTest.ScriptedEngine engine = new ProbeRunnerTest.ScriptedEngine();
    private final OriginRegistry registry = ProbeRunnerTest.handDrivenRegistry();
    private final ProbeRunner runner = new ProbeRunner();

    ProbeObserverDeliveryTest() {
        runner.registry = registry;
        runner.engine = engine;
        runner.listener = ScheduleListener.NONE;
        runner.maintenance = new MaintenanceCalendar();
        engine.next = ProbeRunnerTest.verdict(Cause.CONNECTION_RESET, STARTED);
        registry.apply(
                OriginRegistry.Source.CONFIG,
                List.of(new Origin(
                        ProbeRunnerTest.spec("shop"),
                        Duration.ofSeconds(30),
                        Map.of(),
                        "test",
                        ProbeRunnerTest.spec("shop-via-edge"))));
    }

    @AfterEach
    void stop() {
        runner.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void observersAreToldByStageThenByNameWhateverTheOrderTheyAreListedIn() throws Exception {
        runner.observeWith(List.of(
                new Handover(), new Console(), new Alerts(), new ZuluMetrics(), new Evidence(), new AlphaMetrics()));

        assertThat(runner.observerOrder())
                .extracting(n -> n.substring(n.lastIndexOf('$') + 1))
                .containsExactly("AlphaMetrics", "ZuluMetrics", "Evidence", "Alerts", "Console", "Handover");

        runner.probeNow("shop").get(10, TimeUnit.SECONDS);

        assertThat(told)
                .as("every observer, the direct result first, each result in the same order")
                .containsExactly(
                        "AlphaMetrics:probe",
                        "ZuluMetrics:probe",
                        "Evidence:probe",
                        "Alerts:probe",
                        "Console:probe",
                        "Handover:probe",
                        "AlphaMetrics:edge",
                        "ZuluMetrics:edge",
                        "Evidence:edge",
                        "Alerts:edge",
                        "Console:edge",
                        "Handover:edge");
    }

    @Test
    void aThrowingObserverStopsNeitherTheOthersNorTheProbeAndIsLoggedOnceByName() throws Exception {
        Throwing throwing = new Throwing();
        runner.observeWith(List.of(new Handover(), throwing, new Alerts()));
        List<LogRecord> logged = logged(() -> {
            ProbeRecord first = runner.probeNow("shop").get(10, TimeUnit.SECONDS);
            ProbeRecord second = runner.probeNow("shop").get(10, TimeUnit.SECONDS);

            assertThat(first.verdict().cause()).isEqualTo(Cause.CONNECTION_RESET);
            assertThat(second.verdict().cause()).isEqualTo(Cause.CONNECTION_RESET);
        });

        assertThat(told)
                .as("the observers after the throwing one, and the via-edge half, every time")
                .containsExactly(
                        "Throwing:probe",
                        "Alerts:probe",
                        "Handover:probe",
                        "Throwing:edge",
                        "Alerts:edge",
                        "Handover:edge",
                        "Throwing:probe",
                        "Alerts:probe",
                        "Handover:probe",
                        "Throwing:edge",
                        "Alerts:edge",
                        "Handover:edge");
        assertThat(runner.failures(Throwing.class.getName())).isEqualTo(4);
        assertThat(registry.state("shop").orElseThrow().history()).hasSize(2);

        List<LogRecord> errors = logged.stream()
                .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("one line for four failures").hasSize(1);
        String message = errors.get(0).getMessage();
        if (errors.get(0).getParameters() != null) {
            message = String.format(message, errors.get(0).getParameters());
        }
        assertThat(message)
                .contains("origin=shop")
                .contains("observer=" + Throwing.class.getName())
                .doesNotContain("probe failed inside originwatch");
        assertThat(errors.get(0).getThrown()).hasMessage("observer bug");
    }

    @Test
    void aBrokenObserverIsLoggedAgainAtItsTenthAndHundredthFailureWithTheCount() throws Exception {
        runner.observeWith(List.of(new Throwing(), new Alerts()));
        ProbeRecord r = runner.probeNow("shop").get(10, TimeUnit.SECONDS);
        List<LogRecord> logged = logged(() -> {
            // two failures so far (the probe and its via-edge half); 98 more results
            for (int i = 0; i < 98; i++) {
                runner.deliver(new ProbeCompleted("shop", Map.of(), r.verdict(), false));
            }
        });
        assertThat(runner.failures(Throwing.class.getName())).isEqualTo(100);
        assertThat(logged.stream()
                        .filter(x -> x.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                        .map(x -> x.getParameters() == null
                                ? x.getMessage()
                                : String.format(x.getMessage(), x.getParameters())))
                .as("the 10th and the 100th failure (the first was before the capture)")
                .hasSize(2)
                .allMatch(m -> m.contains("observer=" + Throwing.class.getName()))
                .anyMatch(m -> m.contains(" 10 failure(s)"))
                .anyMatch(m -> m.contains(" 100 failure(s)"));
    }

    /** What ProbeRunner logs while {@code body} runs. */
    private static List<LogRecord> logged(Body body) throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(ProbeRunner.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(capture);
        try {
            body.run();
        } finally {
            log.removeHandler(capture);
        }
        return logged;
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Records "ClassName:probe" and "ClassName:edge". */
    private abstract class Recorder implements ProbeObserver {
        private final Stage stage;

        Recorder(Stage stage) {
            this.stage = stage;
        }

        @Override
        public Stage stage() {
            return stage;
        }

        @Override
        public void onProbe(ProbeCompleted event) {
            told.add(getClass().getSimpleName() + ":probe");
        }

        @Override
        public void onEdgeProbe(EdgeProbeCompleted event) {
            told.add(getClass().getSimpleName() + ":edge");
        }
    }

    private final class AlphaMetrics extends Recorder {
        AlphaMetrics() {
            super(Stage.METRICS);
        }
    }

    private final class ZuluMetrics extends Recorder {
        ZuluMetrics() {
            super(Stage.METRICS);
        }
    }

    private final class Evidence extends Recorder {
        Evidence() {
            super(Stage.EVIDENCE);
        }
    }

    private final class Alerts extends Recorder {
        Alerts() {
            super(Stage.ALERTS);
        }
    }

    private final class Console extends Recorder {
        Console() {
            super(Stage.CONSOLE);
        }
    }

    private final class Handover extends Recorder {
        Handover() {
            super(Stage.HANDOVER);
        }
    }

    /** First of all (metrics stage), and throws on every result after noting it. */
    private final class Throwing extends Recorder {
        Throwing() {
            super(Stage.METRICS);
        }

        @Override
        public void onProbe(ProbeCompleted event) {
            super.onProbe(event);
            throw new IllegalStateException("observer bug");
        }

        @Override
        public void onEdgeProbe(EdgeProbeCompleted event) {
            super.onEdgeProbe(event);
            throw new IllegalStateException("observer bug");
        }
    }
}
