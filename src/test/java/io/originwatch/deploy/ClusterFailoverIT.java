package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.originwatch.testing.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cluster mode as operators run it: three packaged daemons (separate JVMs) on loopback with a static
 * member list, sharing 30 origins of one counting origin server. The stages run in order on the
 * same members:
 * <ol>
 * <li>steady state: each origin is probed once per interval in total, not once per member;</li>
 * <li>two origins of each member start failing: the webhook receiver gets one {@code firing} for
 * each;</li>
 * <li>{@code kill -9} of one member: every origin is probed again within failure detection plus one
 * interval, the survivors' API lists every origin with a surviving owner, and the failing origins
 * the victim owned, still failing under their new owner, are not paged again;</li>
 * <li>the killed member comes back and takes a share again (origins move to it, pages do not);</li>
 * <li>SIGSTOP of one member: the other two take its origins after the heartbeat timeout; when it
 * resumes, no origin is probed by two members for more than one interval, and nothing is paged
 * again;</li>
 * <li>the failing origins recover: exactly one {@code resolved} each, after everything above.</li>
 * </ol>
 * Hazelcast's heartbeat is shortened through its system properties (1 s, removal after 5 s) so the
 * frozen-member stage takes seconds instead of a minute; the defaults are in docs/cluster.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final int ORIGINS = 30;
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Failure detection after kill -9 is a closed connection (well under a second); plus one interval. */
    private static final Duration KILL_BOUND = Duration.ofSeconds(15);
    /** The shortened heartbeat timeout (5 s) plus one interval, with room for a loaded CI box. */
    private static final Duration FREEZE_BOUND = Duration.ofSeconds(30);
    /** Bad probes in a row that fire an alert, good ones that resolve it. */
    private static final int THRESHOLD = 2;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<Long>> hits = new ConcurrentHashMap<>();
    /** Paths the origin server answers 503 on (the others get 200). */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Webhook posts as {@code origin status}, in arrival order. */
    private final List<String> pages = new CopyOnWriteArrayList<>();

    private final List<String> paged = new ArrayList<>();
    private HttpServer webhook;
    private ClusterDaemons daemons;
    private LoopbackServer origin;

    @BeforeAll
    void startThreeMembers() throws Exception {
        daemons = new ClusterDaemons("it-" + ProcessHandle.current().pid());
        origin = new LoopbackServer(this::serve);
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hook", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            pages.add(body.path("origin").asText() + " " + body.path("status").asText());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        for (int i = 0; i < ClusterDaemons.SIZE; i++) {
            start(i);
        }
        for (int i = 0; i < ClusterDaemons.SIZE; i++) {
            daemons.awaitReady(i, START_TIMEOUT);
        }
        await("every origin probed once")
                .atMost(START_TIMEOUT)
                .until(() -> IntStream.range(0, ORIGINS).allMatch(o -> count(o) > 0));
    }

    @AfterAll
    void stopAll() throws Exception {
        if (daemons != null) {
            daemons.close();
        }
        if (origin != null) {
            origin.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    @Order(1)
    void eachOriginIsProbedOncePerIntervalInTotal() throws Exception {
        assertProbedOncePerInterval(allMembers());
        Map<String, String> owners = owners(0);
        assertThat(owners).hasSize(ORIGINS);
        assertThat(Set.copyOf(owners.values()))
                .as("every member owns a share")
                .containsExactlyInAnyOrderElementsOf(daemons.hzAddresses);
        for (int i = 1; i < 3; i++) {
            assertThat(owners(i)).as("member %d's view of the owners", i).isEqualTo(owners);
        }
        JsonNode cluster = daemons.getJson(0, "/api/cluster");
        assertThat(cluster.path("enabled").asBoolean()).isTrue();
        assertThat(cluster.path("quorum").asBoolean()).isTrue();
        assertThat(cluster.path("members")).hasSize(3);
    }

    @Test
    @Order(2)
    void twoFailingOriginsOfEachMemberFireOnce() throws Exception {
        Map<String, String> owners = owners(0);
        for (String member : daemons.hzAddresses) {
            owners.entrySet().stream()
                    .filter(e -> member.equals(e.getValue()))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .limit(2)
                    .forEach(paged::add);
        }
        assertThat(paged).as("two origins of each member").hasSize(6);
        paged.forEach(n -> failing.add(path(Integer.parseInt(n.substring("origin-".length())))));
        await("each failing origin fires")
                .atMost(START_TIMEOUT)
                .until(() -> paged.stream().allMatch(n -> pages(n, "firing") == 1));
        assertPagedOnce(false);
    }

    @Test
    @Order(3)
    void killNineHandsEveryOriginToTheSurvivorsWithinDetectionPlusOneInterval() throws Exception {
        Map<String, String> before = owners(0);
        String victim = daemons.hzAddresses.get(2);
        List<Integer> orphans = IntStream.range(0, ORIGINS)
                .filter(o -> victim.equals(before.get(name(o))))
                .boxed()
                .toList();
        assertThat(orphans).as("origins the victim owned").isNotEmpty();
        Map<Integer, Integer> seen = counts();

        long killedAt = System.nanoTime();
        daemons.members[2].kill();
        await("every origin probed again after kill -9")
                .atMost(KILL_BOUND)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> IntStream.range(0, ORIGINS).allMatch(o -> count(o) > seen.get(o)));
        System.out.printf(
                "ClusterFailoverIT: kill -9 of %s (%d origins): every origin probed again %.2f s later%n",
                victim, orphans.size(), (System.nanoTime() - killedAt) / 1e9);

        List<String> survivors = daemons.hzAddresses.subList(0, 2);
        await("the survivors own every origin").atMost(KILL_BOUND).untilAsserted(() -> {
            for (int i = 0; i < 2; i++) {
                Map<String, String> owners = owners(i);
                assertThat(owners).as("member %d lists every origin", i).hasSize(ORIGINS);
                assertThat(Set.copyOf(owners.values())).isSubsetOf(survivors);
            }
        });
        assertProbedOncePerInterval(List.of(0, 1));
        // the victim's failing origins are failing under their new owners now: 4 more bad probes
        // (twice the threshold) and no second firing, and their alert is still known as firing
        assertThat(orphans.stream().map(ClusterFailoverIT::name).filter(paged::contains))
                .as("failing origins the victim owned")
                .isNotEmpty();
        assertPagedOnce(false);
        for (int i = 0; i < 2; i++) {
            for (String n : paged) {
                JsonNode view = daemons.getJson(i, "/api/origins/" + n);
                assertThat(view.path("cause").asText())
                        .as("latest cause of %s on member %d, owned by %s: %s", n, i, view.path("owner"), view)
                        .isEqualTo("unexpected_status");
            }
        }
    }

    @Test
    @Order(4)
    void aMemberThatJoinsTakesAShare() throws Exception {
        start(2);
        daemons.awaitReady(2, START_TIMEOUT);
        await("the returning member owns a share")
                .atMost(START_TIMEOUT)
                .until(() -> Set.copyOf(owners(0).values()).size() == 3);
        assertProbedOncePerInterval(allMembers());
        assertPagedOnce(false);
    }

    @Test
    @Order(5)
    void aFrozenMemberIsReplacedAndProbesNothingTwiceForLongerThanAnIntervalWhenItResumes() throws Exception {
        String frozen = daemons.hzAddresses.get(1);
        await().atMost(START_TIMEOUT).until(() -> owners(0).containsValue(frozen));
        Map<String, String> owners = owners(0);
        List<Integer> its = IntStream.range(0, ORIGINS)
                .filter(o -> frozen.equals(owners.get(name(o))))
                .boxed()
                .toList();
        Map<Integer, Integer> seen = counts();

        long frozenAt = System.nanoTime();
        daemons.members[1].freeze();
        await("the others probe the frozen member's origins")
                .atMost(FREEZE_BOUND)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> its.stream().allMatch(o -> count(o) > seen.get(o)));
        System.out.printf(
                "ClusterFailoverIT: SIGSTOP of %s (%d origins): every one probed again %.2f s later%n",
                frozen, its.size(), (System.nanoTime() - frozenAt) / 1e9);
        await("the two others own every origin")
                .atMost(FREEZE_BOUND)
                .untilAsserted(() -> assertThat(owners(0).values()).doesNotContain(frozen));

        long thawedAt = System.currentTimeMillis();
        daemons.members[1].thaw();
        // Settled: the resumed member rejoined (after Hazelcast's split-brain merge) or stays out.
        // Either way each origin is again probed once per interval by one member, which is what
        // the window below measures; the double probes right after the thaw are counted apart.
        await("the cluster settles after the thaw")
                .atMost(START_TIMEOUT)
                .ignoreExceptions()
                .untilAsserted(() -> assertProbedOncePerInterval(List.of(0, 2)));
        long settledAt = System.currentTimeMillis();
        for (int o = 0; o < ORIGINS; o++) {
            long doubled = doubleProbes(o, thawedAt, settledAt);
            long allowed = 1 + 1; // one interval of overlap: one extra probe, plus one at a window edge
            assertThat(doubled)
                    .as(
                            "%s probed twice within half an interval, between the thaw and %d ms later; hits %s",
                            name(o), settledAt - thawedAt, hits.get(path(o)))
                    .isLessThanOrEqualTo(allowed);
        }
        assertThat(daemons.members[1].isAlive()).isTrue();
        assertProbedOncePerInterval(List.of(0, 2));
        assertPagedOnce(false);
    }

    @Test
    @Order(6)
    void theFailingOriginsRecoverAndResolveOnceEach() throws Exception {
        failing.clear();
        await("each recovered origin resolves")
                .atMost(START_TIMEOUT)
                .until(() -> paged.stream().allMatch(n -> pages(n, "resolved") == 1));
        assertProbedOncePerInterval(List.of(0, 2));
        assertPagedOnce(true);
    }

    /**
     * Every failing origin was paged exactly once ({@code firing}) and, once recovered, resolved
     * exactly once; no other origin was paged at all.
     */
    private void assertPagedOnce(boolean resolved) {
        for (String n : paged) {
            assertThat(pages(n, "firing"))
                    .as("firings of %s; pages %s", n, pages)
                    .isEqualTo(1);
            assertThat(pages(n, "resolved"))
                    .as("resolutions of %s; pages %s", n, pages)
                    .isEqualTo(resolved ? 1 : 0);
        }
        assertThat(pages).as("pages of origins that never failed").allMatch(p -> paged.contains(p.split(" ")[0]));
    }

    private long pages(String origin, String status) {
        return pages.stream().filter((origin + " " + status)::equals).count();
    }

    // --- the stages' measurements ---

    /**
     * Over a window of at least four intervals, no origin is probed more often than the interval
     * allows (plus one at each edge of the window): three members each probing would triple it.
     */
    private void assertProbedOncePerInterval(List<Integer> alive) {
        Map<Integer, Integer> start = counts();
        long t0 = System.nanoTime();
        await("four more probes of every origin")
                .atMost(START_TIMEOUT)
                .until(() -> IntStream.range(0, ORIGINS).allMatch(o -> count(o) - start.get(o) >= 4));
        double intervals = (System.nanoTime() - t0) / 1e9 / INTERVAL.toSeconds();
        Map<String, Integer> tooMany = new TreeMap<>();
        for (int o = 0; o < ORIGINS; o++) {
            int delta = count(o) - start.get(o);
            if (delta > intervals + 2) {
                tooMany.put(name(o), delta);
            }
        }
        assertThat(tooMany)
                .as("origins probed more than once per interval over %.1f intervals (members %s)", intervals, alive)
                .isEmpty();
    }

    /** Probes of origin {@code o} in [from, to) that came less than half an interval after the one before. */
    private long doubleProbes(int o, long from, long to) {
        List<Long> times = new ArrayList<>(hits.getOrDefault(path(o), List.of()));
        long doubled = 0;
        for (int i = 1; i < times.size(); i++) {
            long t = times.get(i);
            if (t >= from && t < to && t - times.get(i - 1) < INTERVAL.toMillis() / 2) {
                doubled++;
            }
        }
        return doubled;
    }

    // --- the members ---

    private void start(int i) {
        List<String> settings = new ArrayList<>(List.of(
                "-Doriginwatch.alerting.failure-threshold=" + THRESHOLD,
                "-Doriginwatch.alerting.success-threshold=" + THRESHOLD,
                "-Doriginwatch.alerting.webhooks[0].url=http://127.0.0.1:"
                        + webhook.getAddress().getPort() + "/hook"));
        for (int o = 0; o < ORIGINS; o++) {
            settings.add("-Doriginwatch.origins[" + o + "].name=" + name(o));
            settings.add("-Doriginwatch.origins[" + o + "].url=" + origin.url(path(o)));
            settings.add("-Doriginwatch.origins[" + o + "].interval=" + INTERVAL.toSeconds() + "s");
        }
        daemons.start(
                i,
                List.of(
                        "-Dhazelcast.heartbeat.interval.seconds=1",
                        "-Dhazelcast.max.no.heartbeat.seconds=5",
                        "-Dhazelcast.merge.first.run.delay.seconds=5",
                        "-Dhazelcast.merge.next.run.delay.seconds=5"),
                settings);
    }

    private List<Integer> allMembers() {
        return List.of(0, 1, 2);
    }

    /** Origin name to owner address, as member {@code i}'s API lists them. */
    private Map<String, String> owners(int i) throws IOException, InterruptedException {
        Map<String, String> owners = new HashMap<>();
        for (JsonNode view : daemons.getJson(i, "/api/origins")) {
            owners.put(view.path("name").asText(), view.path("owner").asText(null));
        }
        return owners;
    }

    // --- the counting origin ---

    private static String name(int o) {
        return "origin-" + o;
    }

    private static String path(int o) {
        return "/o/" + o;
    }

    private int count(int o) {
        return hits.getOrDefault(path(o), List.of()).size();
    }

    private Map<Integer, Integer> counts() {
        return IntStream.range(0, ORIGINS).boxed().collect(Collectors.toMap(o -> o, this::count));
    }

    private void serve(Socket socket) {
        try (socket) {
            String line = LoopbackServer.readHead(socket.getInputStream()).split("\r\n", 2)[0];
            String[] parts = line.split(" ");
            if (parts.length > 1) {
                hits.computeIfAbsent(parts[1], p -> new CopyOnWriteArrayList<>())
                        .add(System.currentTimeMillis());
            }
            OutputStream out = socket.getOutputStream();
            String status = parts.length > 1 && failing.contains(parts[1]) ? "503 Failing" : "200 OK";
            out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the prober closed first; nothing to count
        }
    }
}
