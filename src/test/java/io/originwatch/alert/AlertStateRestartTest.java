package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.originwatch.classify.Cause;
import io.originwatch.testing.ProbeBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert state across a restart: two dispatchers, one after the other, over the same state file,
 * as two runs of the daemon over the same {@code originwatch.state-dir}.
 */
class AlertStateRestartTest {

    private static final Instant T0 = Instant.parse("2026-11-23T20:00:00Z");
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));

    @TempDir
    Path dir;

    private final List<Notification> webhook = new CopyOnWriteArrayList<>();
    private final List<Notification> alertmanager = new CopyOnWriteArrayList<>();
    private AlertDispatcher dispatcher;
    private int probes;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    /** One run of the daemon: a webhook-like sink and an Alertmanager-like one (it resends). */
    private AlertDispatcher run() {
        dispatcher = new AlertDispatcher(
                AlertPolicy.DEFAULT,
                List.of(
                        worker(new Recording("webhook-0", false, webhook)),
                        worker(new Recording("alertmanager-0", true, alertmanager))),
                Clock.systemUTC(),
                Duration.ofHours(1));
        dispatcher.keepStateIn(file(), Duration.ofMillis(20));
        dispatcher.start();
        return dispatcher;
    }

    private Path file() {
        return dir.resolve(AlertStateFile.FILE_NAME);
    }

    private void restart() {
        dispatcher.close(Duration.ofSeconds(5));
        run();
    }

    private void probe(String origin, Cause cause) {
        dispatcher.probeCompleted(
                origin, Map.of("team", "web"), ProbeBuilder.verdict(origin, cause, T0.plusSeconds(30L * probes++)));
    }

    private static SinkWorker worker(AlertSink sink) {
        return new SinkWorker(sink, 100, FAST, new CountingListener());
    }

    private static long count(List<Notification> sent, Notification.State state) {
        return sent.stream().filter(n -> n.state() == state).count();
    }

    @Test
    void aFiringAlertIsNotSentAgainAfterARestartAndResolvesOnce() {
        run();
        probe("shop", Cause.CONNECTION_RESET);
        probe("shop", Cause.CONNECTION_RESET);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.FIRING) == 1);
        Instant startsAt = webhook.get(0).alert().startsAt();

        restart();
        probe("shop", Cause.CONNECTION_RESET);
        probe("shop", Cause.CONNECTION_RESET);
        assertThat(dispatcher.active()).extracting(ActiveAlert::startsAt).containsExactly(startsAt);
        probe("shop", Cause.OK);
        probe("shop", Cause.OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.RESOLVED) == 1);
        dispatcher.close(Duration.ofSeconds(5));

        assertThat(count(webhook, Notification.State.FIRING))
                .as("firing across the restart")
                .isEqualTo(1);
        assertThat(count(webhook, Notification.State.RESOLVED)).isEqualTo(1);
    }

    @Test
    void anOriginThatRecoveredWhileTheDaemonWasDownResolvesAtTheSecondGoodProbe() {
        run();
        probe("shop", Cause.EMPTY_RESPONSE);
        probe("shop", Cause.EMPTY_RESPONSE);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.FIRING) == 1);

        restart();
        assertThat(dispatcher.firing("shop")).as("restored").isTrue();
        probe("shop", Cause.OK);
        assertThat(dispatcher.firing("shop")).isTrue();
        probe("shop", Cause.OK);
        assertThat(dispatcher.firing("shop")).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.RESOLVED) == 1);
        assertThat(webhook.get(1).alert().cause()).isEqualTo(Cause.EMPTY_RESPONSE);
    }

    @Test
    void alertmanagerGetsTheRestoredAlertAtOnceWithItsStartsAtAndNeverAResolution() {
        run();
        probe("slow", Cause.RESPONSE_TIMEOUT);
        probe("slow", Cause.RESPONSE_TIMEOUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(alertmanager, Notification.State.FIRING) == 1);
        Instant startsAt = alertmanager.get(0).alert().startsAt();

        restart();
        // re-posted before any probe of the new run (a 524 probe takes 125 s to report)
        await().atMost(Duration.ofSeconds(10)).until(() -> count(alertmanager, Notification.State.FIRING) == 2);
        assertThat(alertmanager.get(1).alert().startsAt()).isEqualTo(startsAt);
        assertThat(alertmanager.get(1).alert().cause()).isEqualTo(Cause.RESPONSE_TIMEOUT);
        probe("slow", Cause.RESPONSE_TIMEOUT);
        assertThat(count(alertmanager, Notification.State.RESOLVED)).isZero();
        assertThat(count(webhook, Notification.State.FIRING))
                .as("the webhook is not re-posted")
                .isEqualTo(1);
    }

    @Test
    void aFailureStreakCarriesOverSoTheFirstBadProbeAfterTheRestartFires() {
        run();
        probe("shop", Cause.CONNECTION_REFUSED);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file()));
        restart();
        probe("shop", Cause.CONNECTION_REFUSED);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.FIRING) == 1);
        assertThat(webhook.get(0).alert().startsAt())
                .as("the first bad probe, before the restart")
                .isEqualTo(T0);
    }

    @Test
    void anOriginRemovedWhileTheDaemonWasDownResolves() {
        run();
        probe("gone", Cause.CONNECTION_RESET);
        probe("gone", Cause.CONNECTION_RESET);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.FIRING) == 1);
        restart();
        assertThat(dispatcher.forgetUnless(name -> !name.equals("gone")))
                .extracting(Notification::state)
                .containsExactly(Notification.State.RESOLVED);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.RESOLVED) == 1);
        assertThat(dispatcher.active()).isEmpty();
    }

    @Test
    void aCorruptStateFileIsLoggedAndIgnoredAndThenRewritten() throws Exception {
        Files.writeString(file(), "originwatch-alert-state 1\nshop\tnot-a-number\t0\t-\n");
        run();
        assertThat(dispatcher.active()).isEmpty();
        probe("shop", Cause.CONNECTION_RESET);
        probe("shop", Cause.CONNECTION_RESET);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.FIRING) == 1);
        assertThat(dispatcher.saveState()).isTrue();
        assertThat(AlertStateFile.read(file())).extracting(SavedOrigin::origin).containsExactly("shop");
    }

    @Test
    void garbageAndAnUnreadableFileAreNeverFatal() throws Exception {
        Files.write(file(), new byte[] {(byte) 0xff, 0, 1, 2, '\n'});
        run();
        assertThat(dispatcher.active()).isEmpty();
        dispatcher.close();
        Files.delete(file());
        Files.createDirectory(file()); // a directory where the file should be: neither read nor written
        run();
        probe("shop", Cause.CONNECTION_RESET);
        probe("shop", Cause.CONNECTION_RESET);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(webhook, Notification.State.FIRING) == 1);
        assertThat(dispatcher.saveState())
                .as("the write fails, the daemon goes on")
                .isFalse();
    }

    @Test
    void theFileIsWrittenAtomicallyAndOnlyWhenTheStateChanged() throws Exception {
        run();
        probe("shop", Cause.CONNECTION_RESET);
        probe("shop", Cause.CONNECTION_RESET);
        assertThat(dispatcher.saveState()).isTrue();
        var modified = Files.getLastModifiedTime(file());
        String before = Files.readString(file());
        for (int i = 0; i < 5; i++) {
            probe("healthy", Cause.OK); // a healthy origin with nothing firing is nothing to save
        }
        assertThat(dispatcher.saveState()).isTrue();
        assertThat(Files.getLastModifiedTime(file())).isEqualTo(modified);
        assertThat(Files.readString(file())).isEqualTo(before).doesNotContain("healthy");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(AlertStateFile.FILE_NAME);
        }
    }

    @Test
    void theSavedStateRoundTripsDetailsLabelsAndTimingsAndCutsLongDetails() throws Exception {
        ActiveAlert alert = new ActiveAlert(
                "shop",
                Map.of("team", "web\tops", "tier=1&x", "a%b\nc"),
                Cause.HEADERS_TOO_LARGE,
                520,
                "critical",
                "x".repeat(AlertStateFile.MAX_DETAIL_CHARS + 10),
                ProbeBuilder.verdict("shop", Cause.HEADERS_TOO_LARGE, T0)
                        .result()
                        .timings(),
                T0.plusSeconds(30),
                T0);
        AlertStateFile.write(
                file(), List.of(new SavedOrigin("shop", 3, 0, T0, alert), new SavedOrigin("api", 1, 0, T0, null)));
        List<SavedOrigin> read = AlertStateFile.read(file());
        assertThat(read).hasSize(2);
        ActiveAlert back = read.get(0).firing();
        assertThat(back.originLabels()).isEqualTo(alert.originLabels());
        assertThat(back.timings()).isEqualTo(alert.timings());
        assertThat(back.detail()).hasSize(AlertStateFile.MAX_DETAIL_CHARS);
        assertThat(back).usingRecursiveComparison().ignoringFields("detail").isEqualTo(alert);
        assertThat(read.get(1)).isEqualTo(new SavedOrigin("api", 1, 0, T0, null));
        assertThat(Files.readAllLines(file(), StandardCharsets.UTF_8)).hasSize(3);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWhenRead() throws Exception {
        try (var out = Files.newOutputStream(file())) {
            out.write((AlertStateFile.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[AlertStateFile.MAX_BYTES]);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertStateFile.read(file()))
                .isInstanceOf(AlertStateFile.Unreadable.class)
                .hasMessageContaining("over the limit");
    }

    /** Records what it is given; an Alertmanager stand-in when {@code resends}. */
    private record Recording(String name, boolean resends, List<Notification> sent) implements AlertSink {
        @Override
        public void deliver(Notification n) {
            sent.add(n);
        }

        @Override
        public boolean resendsActive() {
            return resends;
        }
    }
}
