/*
 * Issue 13's starvation scenario at full size: S origins that accept the connection and never answer
 * (each probe holds its permit for the whole response timeout) and H healthy origins due every 5 s,
 * at the default max-concurrent-probes (256). Prints how late the healthy origins' probes start
 * against their due time (lag p50 / p99 / max) and how many of their due runs were probed.
 *
 * Run from the repository root after `mvn -B package -DskipTests` (JDK 21+):
 *
 *   java bench/Fairness.java                              # 300 silent + 10 healthy for 5 minutes
 *   java bench/Fairness.java --duration 120 --smoke       # shorter; fails unless the target holds
 *
 * What it does:
 *  1. a "silent" server on 127.0.0.1 that accepts every connection, reads and discards, never
 *     writes; a healthy server (the JDK's HttpServer) answering 200 on 127.0.0.2;
 *  2. the packaged daemon with an origins file: S silent origins (interval 30 s, response-timeout
 *     125 s, connect-timeout 19 s: the defaults but the interval) and H healthy ones (interval 5 s),
 *     max-concurrent-probes left at its default unless --permits is given;
 *  3. every 20 s, each healthy origin's /api/origins/NAME/history (the last 50 results, each with its
 *     probedAt, the probe's start); the union over the run is every probe that started;
 *  4. each probe's lag = probedAt - its due time. Due times are the daemon's: every interval from a
 *     phase of CRC32(name) mod interval, aligned to the epoch (ProbeScheduler.firstRun); a probe is
 *     matched to the nearest due time (Quartz may fire a trigger a few ms ahead; such a probe counts
 *     as lag 0, as the daemon's own lag histogram counts it), so lags up to half an interval show. A run that starts over one interval late is
 *     skipped by the daemon (counted in originwatch_probes_skipped_total), so "probed / due" shows
 *     starvation that the lag of the probes that did run cannot.
 *
 * Target (issue 13): every healthy origin probed on schedule, lag p99 < 1 s, for 5 minutes. The
 * silent origins' own figures (probes ended, in flight) are printed from /q/metrics.
 */

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

public class Fairness {

    static final Pattern PROBED_AT = Pattern.compile("\"probedAt\"\\s*:\\s*\"([^\"]+)\"");
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int silent = 300;
        int healthy = 10;
        int durationSeconds = 300;
        int healthyInterval = 5;
        int silentInterval = 30;
        Integer permits = null;
        boolean smoke = false;
        String jar = "target/quarkus-app/quarkus-run.jar";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--silent" -> silent = Integer.parseInt(args[++i]);
                case "--healthy" -> healthy = Integer.parseInt(args[++i]);
                case "--duration" -> durationSeconds = Integer.parseInt(args[++i]);
                case "--interval" -> healthyInterval = Integer.parseInt(args[++i]);
                case "--silent-interval" -> silentInterval = Integer.parseInt(args[++i]);
                case "--permits" -> permits = Integer.parseInt(args[++i]);
                case "--jar" -> jar = args[++i];
                case "--smoke" -> smoke = true;
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--silent N, --healthy N, --duration S, --interval S, --silent-interval S,"
                            + " --permits N, --jar PATH, --smoke)");
            }
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IOException(jar + " not found: run `mvn -B package -DskipTests` first");
        }
        Path work = Files.createTempDirectory("originwatch-fairness");
        try (SilentServer quiet = new SilentServer();
                AutoCloseable ok = healthyServer()) {
            Path dir = Files.createDirectories(work.resolve("origins"));
            Path origins = dir.resolve("origins.yaml");
            StringBuilder y = new StringBuilder("origins:\n");
            for (int i = 0; i < silent; i++) {
                y.append("  - name: silent-")
                        .append(i)
                        .append('\n')
                        .append("    url: http://127.0.0.1:")
                        .append(quiet.port())
                        .append("/\n")
                        .append("    host: silent.test\n")
                        .append("    interval: ")
                        .append(silentInterval)
                        .append("s\n")
                        .append("    connect-timeout: 19s\n")
                        .append("    response-timeout: 125s\n");
            }
            for (int i = 0; i < healthy; i++) {
                y.append("  - name: healthy-")
                        .append(i)
                        .append('\n')
                        .append("    url: http://127.0.0.2:")
                        .append(HEALTHY_PORT)
                        .append("/\n")
                        .append("    host: healthy.test\n")
                        .append("    interval: ")
                        .append(healthyInterval)
                        .append("s\n");
            }
            Files.writeString(origins, y);
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-Doriginwatch.origins-file=" + origins,
                    "-Doriginwatch.edge.enabled=false",
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port));
            if (permits != null) {
                cmd.add("-Doriginwatch.max-concurrent-probes=" + permits);
            }
            cmd.addAll(List.of("-jar", jar));
            Path log = work.resolve("originwatch.log");
            Process daemon = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                String base = "http://127.0.0.1:" + port;
                waitReady(base, daemon, log);
                Instant start = Instant.now();
                Instant end = start.plusSeconds(durationSeconds);
                Map<String, Set<Instant>> probes = new ConcurrentHashMap<>();
                while (Instant.now().isBefore(end)) {
                    collect(base, healthy, probes);
                    long left = Duration.between(Instant.now(), end).toMillis();
                    daemon.waitFor(Math.max(0, Math.min(20_000, left)), TimeUnit.MILLISECONDS);
                    if (!daemon.isAlive()) {
                        throw new IllegalStateException("the daemon exited; see " + log);
                    }
                }
                collect(base, healthy, probes);
                String metrics = get(base + "/q/metrics");
                System.out.printf(
                        Locale.ROOT,
                        "scenario: %d silent origins (interval %d s, connect-timeout 19 s, response-timeout 125 s)"
                                + " + %d healthy (interval %d s), max-concurrent-probes %s, %d s measured from readiness%n",
                        silent,
                        silentInterval,
                        healthy,
                        healthyInterval,
                        permits == null ? "default (256)" : permits.toString(),
                        durationSeconds);
                boolean held = report(probes, start, end, healthyInterval, metrics);
                if (smoke && !held) {
                    System.exit(1);
                }
            } finally {
                daemon.destroy();
                if (!daemon.waitFor(15, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                }
            }
        }
    }

    static int HEALTHY_PORT;

    static AutoCloseable healthyServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 64);
        server.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        HEALTHY_PORT = server.getAddress().getPort();
        return () -> server.stop(0);
    }

    /** Accepts every connection and never writes; reads and discards what the probe sends. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        SilentServer() throws IOException {
            Thread.ofPlatform().daemon().name("silent-accept").start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        open.add(s);
                        Thread.ofVirtual().start(() -> drain(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void drain(Socket s) {
            try (s;
                    InputStream in = s.getInputStream()) {
                byte[] buf = new byte[4096];
                while (in.read(buf) >= 0) {
                    // discard
                }
            } catch (IOException e) {
                // the probe closed it
            } finally {
                open.remove(s);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    static void waitReady(String base, Process daemon, Path log) throws Exception {
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until)) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon exited at start; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            daemon.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the daemon was not ready within 120 s; see " + log);
    }

    static void collect(String base, int healthy, Map<String, Set<Instant>> probes) throws Exception {
        for (int i = 0; i < healthy; i++) {
            String name = "healthy-" + i;
            Matcher m = PROBED_AT.matcher(get(base + "/api/origins/" + name + "/history"));
            Set<Instant> seen = probes.computeIfAbsent(name, n -> Collections.synchronizedSet(new TreeSet<>()));
            while (m.find()) {
                seen.add(Instant.parse(m.group(1)));
            }
        }
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The daemon's due times: every period from CRC32(name) mod period, aligned to the epoch. */
    static long offset(String name, long periodMillis) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(crc.getValue(), periodMillis);
    }

    static boolean report(
            Map<String, Set<Instant>> probes, Instant start, Instant end, int intervalSeconds, String metrics) {
        long period = intervalSeconds * 1000L;
        List<Double> lags = new ArrayList<>();
        List<Double> firstLags = new ArrayList<>();
        long due = 0;
        long probed = 0;
        long early = 0;
        Map<String, String> perOrigin = new TreeMap<>();
        for (var e : probes.entrySet()) {
            long off = offset(e.getKey(), period);
            long from = start.toEpochMilli();
            long to = end.toEpochMilli();
            // due times within the window
            long first = Math.floorDiv(from - off, period) * period + off;
            if (first < from) {
                first += period;
            }
            long dueHere = first > to ? 0 : (to - first) / period + 1;
            long probedHere = 0;
            boolean firstProbe = true;
            for (Instant t : e.getValue()) {
                long ms = t.toEpochMilli();
                // the nearest due time: Quartz may fire a trigger a little ahead of it
                long slot = Math.floorDiv(ms - off + period / 2, period) * period + off;
                if (ms < slot) {
                    early++;
                }
                double lag = Math.max(0, ms - slot) / 1000.0;
                if (firstProbe) {
                    firstLags.add(lag);
                    firstProbe = false;
                }
                if (ms >= from && ms <= to) {
                    lags.add(lag);
                    probedHere++;
                }
            }
            due += dueHere;
            probed += probedHere;
            perOrigin.put(e.getKey(), probedHere + "/" + dueHere);
        }
        Collections.sort(lags);
        if (System.getenv("FAIRNESS_RAW") != null) {
            try {
                Files.writeString(Path.of(System.getenv("FAIRNESS_RAW")), probes.toString());
            } catch (IOException ex) {
                System.out.println("cannot write raw probe times: " + ex);
            }
        }
        double p50 = quantile(lags, 0.50);
        double p99 = quantile(lags, 0.99);
        double max = lags.isEmpty() ? Double.NaN : lags.get(lags.size() - 1);
        System.out.printf(
                Locale.ROOT,
                "healthy probes: %d of %d due (%.1f%%); lag p50 %.3f s, p99 %.3f s, max %.3f s%n",
                probed,
                due,
                due == 0 ? 0 : 100.0 * probed / due,
                p50,
                p99,
                max);
        System.out.println("per healthy origin (probed/due): " + perOrigin);
        System.out.println("probes that started before their due time (lag counted as 0): " + early);
        System.out.println("first probe lag of each healthy origin (s): " + firstLags);
        for (String line : metrics.split("\n")) {
            if (line.startsWith("originwatch_probes_in_flight ")
                    || line.startsWith("originwatch_probes_skipped_total")
                    || line.startsWith("originwatch_schedule_lag_seconds_count")) {
                System.out.println("daemon: " + line);
            }
        }
        double silentEnded = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("originwatch_probes_total{") && line.contains("origin=\"silent-")) {
                silentEnded += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        System.out.printf(Locale.ROOT, "silent origins: %.0f probes ended%n", silentEnded);
        boolean held = due > 0 && probed >= due * 0.99 && p99 < 1.0;
        System.out.println(held ? "target held: every healthy origin on schedule, lag p99 < 1 s" : "TARGET MISSED");
        return held;
    }

    static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
