package io.originwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.originwatch.config.ClusterSettings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Manual probes forwarded to the origin's owner, with three real Hazelcast members in this JVM on
 * loopback. Each member's probe handler reaches a counting origin stand-in, saying which member it
 * runs on, so the stand-in sees where a probe came from; the asking member gets the owner's answer.
 */
class ClusterTasksTest {

    private static final Duration SETTLED = Duration.ofSeconds(30);
    private static final List<String> NAMES = java.util.stream.Stream.concat(
                    java.util.stream.IntStream.range(0, 12).mapToObj(i -> "origin-" + i),
                    java.util.stream.Stream.of("slow"))
            .toList();

    private final List<ClusterMember> members = new ArrayList<>();
    /** The member each request to the origin stand-in came from, in order. */
    private final List<String> probedFrom = new CopyOnWriteArrayList<>();

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer origin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", ex -> {
            probedFrom.add(ex.getRequestHeaders().getFirst("X-Probing-Member"));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        origin.start();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            addresses.add("127.0.0.1:" + freePort());
        }
        for (String address : addresses) {
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            ClusterSettings settings = new ClusterSettings(
                    true, "tasks-" + addresses.get(0), "127.0.0.1", port, addresses, Optional.empty(), 2);
            ClusterMember[] self = new ClusterMember[1];
            Map.Entry<String, Object> handler = ClusterTasks.handlerEntry(name -> probe(self[0], name));
            self[0] = ClusterMember.start(settings, () -> {}, Map.of(handler.getKey(), handler.getValue()));
            members.add(self[0]);
        }
        await().atMost(SETTLED).until(() -> members.stream().allMatch(m -> m.members() == 3));
        // partitions assigned (Hazelcast assigns them on first use) and migrations done
        await().atMost(SETTLED)
                .until(() -> members.stream().allMatch(ClusterTasks::settled)
                        && NAMES.stream()
                                .allMatch(n ->
                                        members.stream().filter(m -> m.owns(n)).count() == 1));
    }

    /** What the daemon's handler does, reduced: reach the origin, answer with the result as JSON. */
    private ClusterTasks.Answer probe(ClusterMember self, String name) {
        if (name.equals("slow")) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + origin.getAddress().getPort() + "/" + name))
                            .header("X-Probing-Member", self.self())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return new ClusterTasks.Answer(
                    200,
                    "{\"name\":\"" + name + "\",\"status\":" + r.statusCode() + ",\"owner\":\"" + self.self() + "\"}",
                    0,
                    self.self());
        } catch (IOException | InterruptedException e) {
            return new ClusterTasks.Answer(502, "{}", 0, self.self());
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        members.forEach(m -> {
            try {
                m.terminate();
            } catch (RuntimeException e) {
                // stopped by the test
            }
        });
        origin.stop(0);
    }

    @Test
    void aProbeAskedOfAnotherMemberRunsOnTheOwnerAndTheAskerGetsItsAnswer() {
        for (String name : NAMES.subList(0, 12)) {
            ClusterMember owner =
                    members.stream().filter(m -> m.owns(name)).findFirst().orElseThrow();
            ClusterMember asker =
                    members.stream().filter(m -> m != owner).findFirst().orElseThrow();
            assertThat(ClusterTasks.ownedElsewhere(asker, name)).isTrue();
            assertThat(ClusterTasks.ownedElsewhere(owner, name)).isFalse();
            int before = probedFrom.size();

            ClusterTasks.Answer a = ClusterTasks.probeOnOwner(asker, name, Duration.ofSeconds(10))
                    .toCompletableFuture()
                    .join();

            assertThat(a.owner()).isEqualTo(owner.self());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json()).contains("\"status\":204").contains("\"owner\":\"" + owner.self() + "\"");
            assertThat(probedFrom.subList(before, probedFrom.size()))
                    .as("requests the origin stand-in saw for %s", name)
                    .containsExactly(owner.self());
        }
    }

    @Test
    void anOwnerThatDoesNotAnswerWithinTheDeadlineIsNamed() {
        ClusterMember owner =
                members.stream().filter(m -> m.owns("slow")).findFirst().orElseThrow();
        ClusterMember asker =
                members.stream().filter(m -> m != owner).findFirst().orElseThrow();
        long started = System.nanoTime();
        assertThatThrownBy(() -> ClusterTasks.probeOnOwner(asker, "slow", Duration.ofMillis(700))
                        .toCompletableFuture()
                        .join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(OwnerUnavailableException.class)
                .hasMessageContaining(owner.self())
                .hasMessageContaining("did not answer within 700 ms")
                .satisfies(e ->
                        assertThat(((OwnerUnavailableException) e).timedOut()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(probedFrom).isEmpty();
    }

    @Test
    void anOwnerStillStartingIsReportedAsUnavailable() {
        ClusterMember owner =
                members.stream().filter(m -> m.owns("origin-1")).findFirst().orElseThrow();
        owner.hazelcast().getUserContext().remove(ClusterTasks.PROBE_HANDLER);
        ClusterMember asker =
                members.stream().filter(m -> m != owner).findFirst().orElseThrow();
        assertThatThrownBy(() -> ClusterTasks.probeOnOwner(asker, "origin-1", Duration.ofSeconds(10))
                        .toCompletableFuture()
                        .join())
                .cause()
                .isInstanceOf(OwnerUnavailableException.class)
                .hasMessageContaining(owner.self())
                .hasMessageContaining("still starting")
                .satisfies(e ->
                        assertThat(((OwnerUnavailableException) e).timedOut()).isFalse());
    }

    @Test
    void theTaskCarriesTheOriginsNameAndNothingElse() {
        List<String> state = Arrays.stream(ClusterTasks.ProbeTask.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .map(Field::getName)
                .toList();
        assertThat(state).containsExactly("origin");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
