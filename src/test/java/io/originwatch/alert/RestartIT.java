package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.testing.FakeOrigin;
import io.originwatch.testing.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged daemon run twice over the same {@code originwatch.state-dir}, with a webhook stand-in
 * and a real Alertmanager on loopback: across the restart the webhook gets exactly one "firing" per
 * alert, an origin that recovered while the daemon was down resolves with run 2's first two probes
 * (2 intervals), one that recovers after the restart within 2 intervals of good probes, and
 * Alertmanager keeps a slow cause's alert (response_timeout) active with its original startsAt
 * instead of letting it expire while the new run counts its streak again.
 */
class RestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slow enough that two 524 probes (2 x 10 s) plus the restart outlast the alert's TTL in Alertmanager. */
    private static final String SLOW_TIMEOUT = "10s";

    private static final String ALERT_TTL = "20s";

    @TempDir
    Path stateDir;

    @TempDir
    Path logs;

    @Test
    void noDuplicateFiringAcrossARestartAndAlertmanagerKeepsTheSlowAlert() throws Exception {
        Path jar = Path.of(System.getProperty("originwatch.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("run mvn package first").isRegularFile();
        AtomicInteger shopStatus = new AtomicInteger(503);
        AtomicInteger shopHits = new AtomicInteger();
        AtomicInteger backStatus = new AtomicInteger(503);
        AtomicInteger backHits = new AtomicInteger();
        try (WebhookReceiver hook = new WebhookReceiver();
                WebhookReceiver amHook = new WebhookReceiver();
                LoopbackServer shop = new LoopbackServer(s -> answer(s, shopStatus.get(), shopHits));
                LoopbackServer back = new LoopbackServer(s -> answer(s, backStatus.get(), backHits));
                FakeOrigin silent = new FakeOrigin()) {
            try (AlertmanagerProcess am = new AlertmanagerProcess(alertmanagerConfig(amHook)).start()) {
                List<String> args = List.of(
                        "-Dquarkus.http.port=0",
                        "-Doriginwatch.edge.enabled=false",
                        "-Doriginwatch.state-dir=" + stateDir,
                        "-Doriginwatch.origins[0].name=shop",
                        "-Doriginwatch.origins[0].url=" + shop.url("/health"),
                        "-Doriginwatch.origins[0].interval=1s",
                        "-Doriginwatch.origins[1].name=slow",
                        "-Doriginwatch.origins[1].url=" + silent.url("/slow/600000"),
                        "-Doriginwatch.origins[1].interval=1s",
                        "-Doriginwatch.origins[1].response-timeout=" + SLOW_TIMEOUT,
                        "-Doriginwatch.origins[2].name=back",
                        "-Doriginwatch.origins[2].url=" + back.url("/health"),
                        "-Doriginwatch.origins[2].interval=1s",
                        "-Doriginwatch.alerting.webhooks[0].url=" + hook.url("/hooks/originwatch"),
                        "-Doriginwatch.alerting.alertmanager.urls[0]=" + am.url(),
                        "-Doriginwatch.alerting.alertmanager.resend-interval=2s",
                        "-Doriginwatch.alerting.alertmanager.alert-ttl=" + ALERT_TTL);

                // run 1: both alerts fire
                Path log1 = logs.resolve("run1.log");
                Process run1 = start(jar, args, log1);
                try {
                    await("both alerts fire (log " + log1 + ")")
                            .atMost(Duration.ofSeconds(120))
                            .until(() -> firings(hook, "shop") == 1
                                    && firings(hook, "slow") == 1
                                    && firings(hook, "back") == 1);
                    await().atMost(Duration.ofSeconds(10)).until(() -> saved(stateDir, "slow", "shop", "back"));
                    stop(run1, log1);
                } finally {
                    run1.destroyForcibly();
                }
                String out1 = Files.readString(log1);
                assertThat(out1).contains("dropped=0");
                String slowStartsAt = startsAt(am, "slow").orElseThrow();
                // "back" recovers while no daemon runs
                backStatus.set(200);
                int backBefore = backHits.get();

                // run 2, same state dir: nothing fires again; Alertmanager never loses "slow"
                Path log2 = logs.resolve("run2.log");
                Process run2 = start(jar, args, log2);
                try {
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> Files.readString(log2).contains("started in"));
                    // the origin that recovered while the daemon was down is resolved by run 2's first
                    // two (good) probes: success-threshold 2 at a 1 s interval, so within 2 intervals
                    await("back resolves")
                            .atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(50))
                            .until(() -> resolutions(hook, "back") == 1);
                    assertThat(backHits.get() - backBefore)
                            .as("run 2's probes of back until its resolution was delivered (two good ones, and at"
                                    + " most one more while the webhook was posted)")
                            .isLessThanOrEqualTo(3);
                    int shopBefore = shopHits.get();
                    int slowBefore = silent.hits("/slow/600000");
                    // two 524 probes of the new run and the shop's three bad ones: Alertmanager is asked
                    // all along, and the alert stays, with the startsAt of run 1
                    List<String> seen = new ArrayList<>();
                    await("two probes of slow in run 2")
                            .atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> {
                                seen.add(startsAt(am, "slow").orElse("absent"));
                                return silent.hits("/slow/600000") >= slowBefore + 2
                                        && shopHits.get() >= shopBefore + 3;
                            });
                    assertThat(seen)
                            .as("Alertmanager's slow alert during run 2")
                            .containsOnly(slowStartsAt);
                    assertThat(firings(hook, "shop")).isEqualTo(1);
                    assertThat(firings(hook, "slow")).isEqualTo(1);
                    assertThat(firings(hook, "back"))
                            .as("back fired once, in run 1")
                            .isEqualTo(1);

                    shopStatus.set(200);
                    int recoveredAt = shopHits.get();
                    await("shop resolves").atMost(Duration.ofSeconds(30)).until(() -> resolutions(hook, "shop") == 1);
                    assertThat(shopHits.get() - recoveredAt)
                            .as("good probes until the resolution (success-threshold 2, interval 1 s)")
                            .isLessThanOrEqualTo(3);
                    stop(run2, log2);
                } finally {
                    run2.destroyForcibly();
                }
                assertThat(firings(hook, "shop"))
                        .as("firing of shop across the restart")
                        .isEqualTo(1);
                assertThat(firings(hook, "slow"))
                        .as("firing of slow across the restart")
                        .isEqualTo(1);
                assertThat(amHook.accepted())
                        .as("Alertmanager never resolved the slow alert")
                        .noneMatch(r -> body(r).contains("\"resolved\"") && body(r).contains("\"slow\""));
            }
        }
    }

    private static String alertmanagerConfig(WebhookReceiver amHook) {
        return AlertmanagerProcess.webhookConfig(amHook.url("/am").toString());
    }

    private static void answer(Socket socket, int status, AtomicInteger hits) {
        try (socket) {
            LoopbackServer.readHead(socket.getInputStream());
            hits.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " Scripted\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the prober closed first
        }
    }

    private static Process start(Path jar, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(args);
        command.add("-jar");
        command.add(jar.toString());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void stop(Process daemon, Path log) throws Exception {
        daemon.destroy(); // SIGTERM
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("exited; %s", log).isTrue();
        assertThat(daemon.exitValue())
                .as("exit code; output:%n%s", Files.readString(log))
                .isZero();
    }

    private static boolean saved(Path dir, String... origins) throws IOException {
        Path file = dir.resolve(AlertStateFile.FILE_NAME);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            List<String> firing = AlertStateFile.read(file).stream()
                    .filter(s -> s.firing() != null)
                    .map(SavedOrigin::origin)
                    .toList();
            return firing.containsAll(List.of(origins));
        } catch (AlertStateFile.Unreadable e) {
            return false;
        }
    }

    private static String body(WebhookReceiver.Request r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static long firings(WebhookReceiver hook, String origin) {
        return count(hook, origin, "firing");
    }

    private static long resolutions(WebhookReceiver hook, String origin) {
        return count(hook, origin, "resolved");
    }

    private static long count(WebhookReceiver hook, String origin, String status) {
        return hook.accepted().stream()
                .map(r -> {
                    try {
                        return JSON.readTree(r.body());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .filter(n -> origin.equals(n.path("origin").asText())
                        && status.equals(n.path("status").asText()))
                .count();
    }

    /** startsAt of the active alert of {@code origin} in Alertmanager, if it has one. */
    private static Optional<String> startsAt(AlertmanagerProcess am, String origin) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(am.url().resolve("/api/v2/alerts?active=true"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        for (JsonNode a : JSON.readTree(r.body())) {
            if (origin.equals(a.at("/labels/origin").asText())
                    && "active".equals(a.at("/status/state").asText())) {
                return Optional.of(a.path("startsAt").asText());
            }
        }
        return Optional.empty();
    }
}
