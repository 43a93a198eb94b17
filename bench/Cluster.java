import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cluster mode's cost and failover, issue #14's benchmark: one standalone daemon with N origins
 * against three cluster members with 3N origins (the same planned rate per process), then
 * {@code kill -9} of a member, repeated, timing until every origin it owned is probed again.
 *
 * <pre>
 *   mvn -B package -DskipTests
 *   java bench/Cluster.java                      # 300 origins per member at 2 s, 3 failovers
 *   java bench/Cluster.java --origins 1000 --interval 4 --window 60
 * </pre>
 *
 * The origins are one loopback HTTP server in this process (a path per origin, counted), so the
 * figures are the daemons' own CPU (/proc utime+stime of their processes) per probe the origin
 * saw. Prints CPU per 1,000 probes of each setup and the ratio, RSS per process, achieved rate,
 * and each failover with the median of them.
 */
public class Cluster {

    static final double CLK_TCK = 100.0;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Options(int origins, int interval, int warmup, int window, int failovers, String jar, String heap) {
        static Options parse(String[] args) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                m.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(
                    Integer.parseInt(m.getOrDefault("origins", "300")),
                    Integer.parseInt(m.getOrDefault("interval", "2")),
                    Integer.parseInt(m.getOrDefault("warmup", "20")),
                    Integer.parseInt(m.getOrDefault("window", "30")),
                    Integer.parseInt(m.getOrDefault("failovers", "3")),
                    m.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar"),
                    m.getOrDefault("heap", "-Xmx256m"));
        }
    }

    /** One loopback origin server; path /o/N is origin N. */
    static final class Origins implements AutoCloseable {
        final ServerSocket server;
        final AtomicLongArray lastHitNanos;
        final AtomicLongArray hits;
        final AtomicLong total = new AtomicLong();
        final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

        Origins(int n) throws IOException {
            lastHitNanos = new AtomicLongArray(n);
            hits = new AtomicLongArray(n);
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
            threads.execute(this::accept);
        }

        String url(int o) {
            return "http://127.0.0.1:" + server.getLocalPort() + "/o/" + o;
        }

        void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    threads.execute(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        void serve(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                StringBuilder head = new StringBuilder();
                int last4 = 0;
                int b;
                while ((b = in.read()) >= 0) {
                    head.append((char) b);
                    last4 = (last4 << 8) | b;
                    if (last4 == 0x0d0a0d0a) {
                        break;
                    }
                }
                String[] line = head.toString().split("\r\n", 2)[0].split(" ");
                if (line.length > 1 && line[1].startsWith("/o/")) {
                    int o = Integer.parseInt(line[1].substring(3));
                    if (o < hits.length()) {
                        hits.incrementAndGet(o);
                        lastHitNanos.set(o, System.nanoTime());
                        total.incrementAndGet();
                    }
                }
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException | RuntimeException e) {
                // the prober closed first
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }

    /** Every daemon started: killed when the benchmark ends, also when it fails part-way. */
    static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
    }

    record Daemon(Process process, int httpPort, Path log) {
        double cpuSeconds() throws IOException {
            Path stat = Path.of("/proc/" + process.pid() + "/stat");
            if (!Files.exists(stat)) {
                return 0;
            }
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLK_TCK;
        }

        long rssKiB() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return 0;
        }

        int threads() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            return 0;
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                            .timeout(java.time.Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("GET " + path + ": " + r.statusCode());
            }
            return r.body();
        }

        boolean ready() {
            try {
                get("/q/health/ready");
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static final Pattern NAME = Pattern.compile("\"name\":\"(o\\d+)\"");
    static final Pattern OWNER = Pattern.compile("\"owner\":(null|\"([^\"]*)\")");

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path jar = Path.of(o.jar());
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " not found: run `mvn -B package -DskipTests` first");
        }
        Path work = Files.createTempDirectory("originwatch-cluster-bench");
        System.out.printf(
                "cluster bench: %d origins per process at %d s (%.0f probes/s per process), warmup %d s, window %d s%n",
                o.origins(), o.interval(), (double) o.origins() / o.interval(), o.warmup(), o.window());
        try (Origins origins = new Origins(3 * o.origins())) {
            // A: standalone, N origins
            Daemon alone = start(work, "standalone", o, origins, o.origins(), null, null);
            awaitReady(List.of(alone));
            Figures a = measure(o, origins, List.of(alone), o.origins());
            String hz = alone.get("/api/cluster");
            alone.stop();

            // B: three members, 3N origins
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                addresses.add("127.0.0.1:" + freePort());
            }
            List<Daemon> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                members.add(start(work, "member-" + i, o, origins, 3 * o.origins(), addresses, addresses.get(i)));
            }
            awaitReady(members);
            Figures b = measure(o, origins, members, 3 * o.origins());

            System.out.println();
            System.out.printf(
                    "%-26s %12s %12s %10s %14s %9s%n",
                    "setup", "probes/s", "of plan", "cpu-s/1000", "RSS MiB", "threads");
            print("standalone, N", a);
            print("3 members, 3N (per member)", b);
            System.out.printf("ratio cluster/standalone CPU per probe: %.2fx%n", b.cpuPer1000 / a.cpuPer1000);
            System.out.printf("standalone /api/cluster: %s%n", hz);

            // failovers
            List<Double> failovers = new ArrayList<>();
            for (int round = 0; round < o.failovers(); round++) {
                int victim = round % 3;
                int witness = (victim + 1) % 3;
                Map<String, String> owners = owners(members.get(witness));
                List<Integer> its = new ArrayList<>();
                owners.forEach((name, owner) -> {
                    if (addresses.get(victim).equals(owner)) {
                        its.add(Integer.parseInt(name.substring(1)));
                    }
                });
                long killedAt = System.nanoTime();
                members.get(victim).kill();
                double seconds = -1;
                while (System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(120)) {
                    boolean all = true;
                    for (int x : its) {
                        if (origins.lastHitNanos.get(x) < killedAt) {
                            all = false;
                            break;
                        }
                    }
                    if (all) {
                        seconds = (System.nanoTime() - killedAt) / 1e9;
                        break;
                    }
                    Thread.sleep(50); // polling the counters; a benchmark, not a test
                }
                failovers.add(seconds);
                System.out.printf(
                        "failover %d: kill -9 of %s (%d origins): every one probed again after %.2f s%n",
                        round + 1, addresses.get(victim), its.size(), seconds);
                members.set(
                        victim,
                        start(
                                work,
                                "member-" + victim + "-r" + round,
                                o,
                                origins,
                                3 * o.origins(),
                                addresses,
                                addresses.get(victim)));
                awaitReady(List.of(members.get(victim)));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < until && countOwners(members.get(witness)) < 3) {
                    Thread.sleep(200);
                }
                Thread.sleep(TimeUnit.SECONDS.toMillis(2L * o.interval())); // settle before the next kill
            }
            failovers.sort(Double::compare);
            System.out.printf(
                    "failover median of %d: %.2f s (interval %d s; detection of a closed connection)%n",
                    failovers.size(), failovers.get(failovers.size() / 2), o.interval());
            for (Daemon d : members) {
                d.stop();
            }
        }
        System.out.println("logs: " + work);
    }

    record Figures(double rate, double ofPlan, double cpuPer1000, double rssMiB, int threads) {}

    static void print(String name, Figures f) {
        System.out.printf(
                "%-26s %12.1f %11.1f%% %10.3f %14.0f %9d%n",
                name, f.rate, 100 * f.ofPlan, f.cpuPer1000, f.rssMiB, f.threads);
    }

    /** Per process: achieved rate, CPU per 1,000 probes (summed over the processes), mean RSS. */
    static Figures measure(Options o, Origins origins, List<Daemon> daemons, int planned) throws Exception {
        Thread.sleep(TimeUnit.SECONDS.toMillis(o.warmup()));
        double cpu0 = 0;
        for (Daemon d : daemons) {
            cpu0 += d.cpuSeconds();
        }
        long probes0 = origins.total.get();
        long t0 = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(o.window()));
        double cpu1 = 0;
        long rss = 0;
        int threads = 0;
        for (Daemon d : daemons) {
            cpu1 += d.cpuSeconds();
            rss += d.rssKiB();
            threads += d.threads();
        }
        long probes = origins.total.get() - probes0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = probes / seconds;
        double plan = (double) planned / o.interval();
        return new Figures(
                rate / daemons.size(),
                rate / plan,
                (cpu1 - cpu0) / probes * 1000,
                rss / 1024.0 / daemons.size(),
                threads / daemons.size());
    }

    static Map<String, String> owners(Daemon d) throws Exception {
        Map<String, String> owners = new HashMap<>();
        // each view starts with its name and ends with its owner (OriginView's field order)
        String body = d.get("/api/origins");
        Matcher name = NAME.matcher(body);
        Matcher owner = OWNER.matcher(body);
        while (name.find()) {
            if (owner.find(name.end())) {
                owners.put(name.group(1), owner.group(2));
            }
        }
        return owners;
    }

    static long countOwners(Daemon d) throws Exception {
        return owners(d).values().stream().distinct().count();
    }

    static Daemon start(Path work, String name, Options o, Origins origins, int n, List<String> members, String self)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Path file = dir.resolve("origins.yaml");
        StringBuilder y = new StringBuilder("origins:\n");
        for (int i = 0; i < n; i++) {
            y.append("  - name: o").append(i).append('\n');
            y.append("    url: ").append(origins.url(i)).append('\n');
            y.append("    interval: ").append(o.interval()).append("s\n");
        }
        Files.writeString(file, y);
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                o.heap(),
                "-Doriginwatch.origins-file=" + file,
                "-Doriginwatch.edge.enabled=false",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port));
        if (members != null) {
            cmd.addAll(List.of(
                    "-Doriginwatch.cluster.enabled=true",
                    "-Doriginwatch.cluster.name=bench-"
                            + ProcessHandle.current().pid(),
                    "-Doriginwatch.cluster.bind=" + self,
                    "-Doriginwatch.cluster.members=" + String.join(",", members)));
        }
        cmd.addAll(List.of("-jar", o.jar()));
        Path log = dir.resolve("originwatch.log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        STARTED.add(p);
        return new Daemon(p, port, log);
    }

    static void awaitReady(List<Daemon> daemons) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        for (Daemon d : daemons) {
            while (!d.ready()) {
                if (!d.process().isAlive()) {
                    throw new IOException("daemon exited; log: " + d.log());
                }
                if (System.nanoTime() > until) {
                    throw new IOException("daemon not ready after 180 s; log: " + d.log());
                }
                Thread.sleep(200);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
