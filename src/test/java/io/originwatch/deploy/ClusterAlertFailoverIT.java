package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.originwatch.alert.AlertmanagerProcess;
import io.originwatch.testing.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alerting through a failover with three packaged daemons on loopback (issue 14): one origin fails,
 * its alert fires once; its owner is killed with {@code kill -9}; the new owner continues from the
 * owner's snapshot, so the webhook receiver sees no second {@code firing} while the origin keeps
 * failing, and exactly one {@code resolved} after it recovers. A real Alertmanager gets the same
 * alerts: its alert stays active with the first owner's {@code startsAt} through the failover
 * (longer than the alert's TTL, so only the new owner's re-posts keep it), and its own receiver is
 * notified once of the firing and once of the resolution.
 */
class ClusterAlertFailoverIT {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ClusterDaemons daemons;
    private final AtomicInteger status = new AtomicInteger(503);
    private final AtomicInteger hits = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private LoopbackServer origin;
    private HttpServer hook;
    private AlertmanagerProcess alertmanager;
    /** What Alertmanager's webhook receiver was told of shop: {@code status} of each notification. */
    private final List<String> notified = new CopyOnWriteArrayList<>();
    /** An alert of Alertmanager's lives this long unless re-posted (resend every 1 s). */
    private static final String ALERT_TTL = "6s";

    @AfterEach
    void stopAll() throws Exception {
        if (daemons != null) {
            daemons.close();
        }
        if (origin != null) {
            origin.close();
        }
        if (hook != null) {
            hook.stop(0);
        }
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void oneFiringThroughAKillNineAndOneResolvedAfterTheRecovery() throws Exception {
        daemons = new ClusterDaemons("alert-it-" + ProcessHandle.current().pid());
        origin = new LoopbackServer(this::serve);
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            if (exchange.getRequestURI().getPath().equals("/am")) {
                if ("shop".equals(body.at("/groupLabels/origin").asText())) {
                    notified.add(body.path("status").asText());
                }
            } else if ("shop".equals(body.path("origin").asText())) {
                received.add(body.path("status").asText());
            }
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        hook.start();
        alertmanager = new AlertmanagerProcess(AlertmanagerProcess.webhookConfig(
                        "http://127.0.0.1:" + hook.getAddress().getPort() + "/am"))
                .start();
        for (int i = 0; i < ClusterDaemons.SIZE; i++) {
            start(i);
        }
        for (int i = 0; i < ClusterDaemons.SIZE; i++) {
            daemons.awaitReady(i, START_TIMEOUT);
        }
        await("shop fires").atMost(START_TIMEOUT).until(() -> received.contains("firing"));
        assertThat(received).containsExactly("firing");
        String startsAt = await("Alertmanager has shop's alert")
                .atMost(START_TIMEOUT)
                .until(this::alertmanagerStartsAt, Optional::isPresent)
                .orElseThrow();

        int victim = daemons.hzAddresses.indexOf(owner(0));
        assertThat(victim).as("the owner of shop is a member").isNotNegative();
        int survivor = (victim + 1) % 3;
        daemons.members[victim].kill();
        await("another member owns shop")
                .atMost(START_TIMEOUT)
                .ignoreExceptions()
                .until(() -> {
                    String o = owner(survivor);
                    return o != null && !o.equals(daemons.hzAddresses.get(victim));
                });
        int afterKill = hits.get();
        List<String> seen = new CopyOnWriteArrayList<>();
        await("twelve more failing probes by the new owner (twice the alert's TTL)")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    seen.add(alertmanagerStartsAt().orElse("absent"));
                    return hits.get() >= afterKill + 12;
                });
        assertThat(received).as("no second firing through the failover").containsExactly("firing");
        assertThat(seen)
                .as("Alertmanager's shop alert through the failover: always active, startsAt unchanged")
                .containsOnly(startsAt);
        JsonNode shop = daemons.getJson(survivor, "/api/origins/shop");
        assertThat(shop.path("consecutiveFailures").asInt())
                .as("the streak counts on from the old owner's")
                .isGreaterThanOrEqualTo(6);

        status.set(200);
        await("shop resolves").atMost(START_TIMEOUT).until(() -> received.contains("resolved"));
        int afterResolve = hits.get();
        await("three more good probes").atMost(START_TIMEOUT).until(() -> hits.get() >= afterResolve + 3);
        assertThat(received).containsExactly("firing", "resolved");
        await("Alertmanager resolves shop")
                .atMost(START_TIMEOUT)
                .until(() -> alertmanagerStartsAt().isEmpty() && notified.contains("resolved"));
        assertThat(notified)
                .as("Alertmanager's receiver: one notification of the firing, one of the resolution")
                .containsExactly("firing", "resolved");
    }

    /** startsAt of shop's active alert in Alertmanager, if it has one. */
    private Optional<String> alertmanagerStartsAt() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(alertmanager.url().resolve("/api/v2/alerts?active=true"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode a : json.readTree(r.body())) {
            if ("shop".equals(a.at("/labels/origin").asText())
                    && "active".equals(a.at("/status/state").asText())) {
                return Optional.of(a.path("startsAt").asText());
            }
        }
        return Optional.empty();
    }

    private String owner(int i) throws IOException, InterruptedException {
        return daemons.getJson(i, "/api/origins/shop").path("owner").asText(null);
    }

    private void start(int i) {
        daemons.start(
                i,
                List.of(),
                List.of(
                        "-Doriginwatch.origins[0].name=shop",
                        "-Doriginwatch.origins[0].url=" + origin.url("/health"),
                        "-Doriginwatch.origins[0].interval=" + INTERVAL.toSeconds() + "s",
                        "-Doriginwatch.alerting.webhooks[0].url=http://127.0.0.1:"
                                + hook.getAddress().getPort() + "/hooks/originwatch",
                        "-Doriginwatch.alerting.alertmanager.urls[0]=" + alertmanager.url(),
                        "-Doriginwatch.alerting.alertmanager.resend-interval=1s",
                        "-Doriginwatch.alerting.alertmanager.alert-ttl=" + ALERT_TTL));
    }

    private void serve(Socket socket) {
        try (socket) {
            LoopbackServer.readHead(socket.getInputStream());
            hits.incrementAndGet();
            int s = status.get();
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + s + " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the prober closed first; nothing to count
        }
    }
}
