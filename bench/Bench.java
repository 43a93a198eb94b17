/*
 * originwatch benchmark: loopback nginx origins, then originwatch and/or blackbox_exporter driven by
 * Prometheus probing the same targets at the same interval, measured from the kernel's accounting.
 *
 * Run from the repository root after `mvn -B package -DskipTests` (JDK 21+):
 *
 *   java bench/Bench.java --smoke                      # ~1 min, both stacks, what CI runs
 *   java bench/Bench.java --stacks originwatch --origins 10000 --interval 10 --scheme http
 *   java bench/Bench.java --stacks originwatch,blackbox --origins 2000 --interval 4 --scheme https --rounds 3
 *   java bench/Bench.java --interval 4 --load-step 1000,2000,3000,4000,5000   # highest sustained rate
 *
 * Options: --stacks, --origins, --interval (s), --scheme http|https|h2 (comma-separated to interleave, e.g. https,h2), --key ecdsa|rsa, --warmup (s),
 * --window (s), --rounds, --load-step (probes/s list), --jvm-opts (originwatch's JVM flags,
 * default -Xmx256m), --jar, --keep (keep the work dir), --smoke.
 *
 * Needs Debian's nginx-light (or nginx), openssl, and for the blackbox stack
 * prometheus-blackbox-exporter and prometheus. Everything listens on 127.0.0.x only.
 *
 * What is measured, per stack and window (after a warm-up):
 *  - achieved probes/s: requests counted by nginx's stub_status (the origin's own count, the same
 *    yardstick for both stacks), against planned = origins / interval;
 *  - CPU seconds per 1,000 probes: utime+stime (+ reaped children) of the stack's processes from
 *    /proc/<pid>/stat, divided by the probes nginx counted; nginx's own CPU is reported apart;
 *  - RSS: the stack's peak VmHWM (sum over its processes) from /proc/<pid>/status;
 *  - originwatch's schedule lag p50/p99 from the delta of its originwatch_schedule_lag_seconds
 *    histogram over the window;
 *  - "other": CPU used by every other process on the box in the window (from /proc/stat), flagged
 *    when above 10% of one core, since such windows are noisy; "steal" is the part of it the
 *    hypervisor took for other guests (flagged above 5% of one core).
 */

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Bench {

    static final double CLK_TCK = 100.0;
    static final int NGINX_ADDRESSES = 4;
    static final String SITE = "bench.test";
    /** The JVM flags docs/performance.md recommends for a daemon of this size. */
    static final String DEFAULT_JVM_OPTS = "-Xmx256m";

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Options(
            List<String> stacks,
            int origins,
            int intervalSeconds,
            String scheme,
            int warmupSeconds,
            int windowSeconds,
            int rounds,
            String key,
            String jar,
            List<String> jvmOpts,
            List<Integer> loadStep,
            boolean keep,
            boolean smoke,
            boolean heap,
            boolean reload) {

        static Options parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + a);
                }
                boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
                m.put(a.substring(2), flag ? "true" : args[++i]);
            }
            boolean smoke = m.containsKey("smoke");
            return new Options(
                    List.of(m.getOrDefault("stacks", "originwatch,blackbox").split(",")),
                    Integer.parseInt(m.getOrDefault("origins", smoke ? "200" : "2000")),
                    Integer.parseInt(m.getOrDefault("interval", smoke ? "2" : "4")),
                    m.getOrDefault("scheme", "http"),
                    Integer.parseInt(m.getOrDefault("warmup", smoke ? "6" : "20")),
                    Integer.parseInt(m.getOrDefault("window", smoke ? "10" : "40")),
                    Integer.parseInt(m.getOrDefault("rounds", "1")),
                    m.getOrDefault("key", "ecdsa"),
                    m.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar"),
                    List.of(m.getOrDefault("jvm-opts", DEFAULT_JVM_OPTS).trim().split("\\s+")),
                    m.containsKey("load-step")
                            ? java.util.Arrays.stream(m.get("load-step").split(","))
                                    .map(String::trim)
                                    .map(Integer::valueOf)
                                    .toList()
                            : List.of(),
                    m.containsKey("keep"),
                    smoke,
                    m.containsKey("heap"),
                    m.containsKey("reload"));
        }

        /** The schemes to run, in order: {@code --scheme https,h2} interleaves them per round. */
        List<String> schemes() {
            return List.of(scheme.split(","));
        }

        Options withScheme(String one) {
            return new Options(
                    stacks,
                    origins,
                    intervalSeconds,
                    one,
                    warmupSeconds,
                    windowSeconds,
                    rounds,
                    key,
                    jar,
                    jvmOpts,
                    loadStep,
                    keep,
                    smoke,
                    heap,
                    reload);
        }

        Options withOrigins(int n) {
            return new Options(
                    stacks,
                    n,
                    intervalSeconds,
                    scheme,
                    warmupSeconds,
                    windowSeconds,
                    rounds,
                    key,
                    jar,
                    jvmOpts,
                    loadStep,
                    keep,
                    smoke,
                    heap,
                    reload);
        }

        double planned() {
            return (double) origins / intervalSeconds;
        }
    }

    record Sample(double stackCpu, double nginxCpu, double totalCpu, double steal, long requests, Instant at) {}

    record Figures(
            String stack,
            double planned,
            double achieved,
            double cpuPer1000,
            double nginxCpuPer1000,
            long peakRssKiB,
            double lagP50,
            double lagP99,
            double otherCores,
            double stealCores,
            double startToFirstProbe) {

        Figures labelled(String label) {
            return new Figures(
                    label,
                    planned,
                    achieved,
                    cpuPer1000,
                    nginxCpuPer1000,
                    peakRssKiB,
                    lagP50,
                    lagP99,
                    otherCores,
                    stealCores,
                    startToFirstProbe);
        }
    }

    /** The 1-, 5- and 15-minute load averages: the shared box's state while a run measures. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path work = Files.createTempDirectory("originwatch-bench");
        System.out.printf(
                Locale.ROOT,
                "bench: %d %s origins @ %ds (planned %.0f probes/s), stacks %s, %d round(s), load average %s, work dir %s%n",
                o.origins(),
                o.scheme(),
                o.intervalSeconds(),
                o.planned(),
                o.stacks(),
                o.rounds(),
                loadAverage(),
                work);
        Pki pki = Pki.create(work, o.key());
        try (Nginx nginx = Nginx.start(work, pki)) {
            if (!o.loadStep().isEmpty()) {
                loadStep(o, work, pki, nginx);
                return;
            }
            List<Figures> all = new ArrayList<>();
            boolean severalSchemes = o.schemes().size() > 1;
            for (int round = 1; round <= o.rounds(); round++) {
                for (String scheme : o.schemes()) {
                    for (String stack : o.stacks()) {
                        Figures f = runStack(stack.trim(), o.withScheme(scheme), work, pki, nginx);
                        if (severalSchemes) {
                            f = f.labelled(f.stack() + "/" + scheme);
                        }
                        all.add(f);
                        print(List.of(f), "round " + round + " (" + scheme + ", load average " + loadAverage() + ")");
                    }
                }
            }
            if (o.rounds() > 1 || o.stacks().size() > 1 || severalSchemes) {
                summarize(all, o);
            }
            boolean failed = all.stream().anyMatch(f -> f.achieved() < 0.5 * f.planned());
            if (o.smoke() && failed) {
                System.out.println("bench: FAILED: a stack achieved under half of the planned rate");
                System.exit(1);
            }
        } finally {
            if (!o.keep()) {
                deleteTree(work);
            }
        }
    }

    /**
     * Raises the planned rate step by step (origins = rate x interval) for each stack until it no
     * longer holds it: achieved under 99% of planned, or (where the stack measures it) lag p99 at or
     * above 250 ms. Stacks alternate at each step so both see the same machine state.
     */
    static void loadStep(Options o, Path work, Pki pki, Nginx nginx) throws Exception {
        Map<String, Integer> highest = new TreeMap<>();
        Map<String, Boolean> done = new TreeMap<>();
        List<Figures> rows = new ArrayList<>();
        for (int rate : o.loadStep()) {
            for (String stack : o.stacks()) {
                if (done.getOrDefault(stack, false)) {
                    continue;
                }
                Figures f = runStack(stack.trim(), o.withOrigins(rate * o.intervalSeconds()), work, pki, nginx);
                rows.add(f);
                print(List.of(f), "load step " + rate + "/s");
                boolean held = f.achieved() >= 0.99 * f.planned() && !(f.lagP99() >= 0.250);
                if (held) {
                    highest.put(stack, rate);
                } else {
                    done.put(stack, true);
                }
            }
        }
        print(rows, "load steps, all");
        System.out.println();
        System.out.println("== highest sustained rate (achieved >= 99% of planned, lag p99 < 250 ms)");
        for (String stack : o.stacks()) {
            Integer r = highest.get(stack);
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %s%s%n",
                    stack,
                    r == null ? "none of the steps" : r + " probes/s",
                    done.getOrDefault(stack, false) ? "" : " (held every step: try higher)");
        }
        if (highest.containsKey("originwatch") && highest.containsKey("blackbox")) {
            System.out.printf(
                    Locale.ROOT,
                    "ratio originwatch/blackbox highest sustained rate: %.2fx%n",
                    (double) highest.get("originwatch") / highest.get("blackbox"));
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static Figures runStack(String stack, Options o, Path work, Pki pki, Nginx nginx) throws Exception {
        Stack s = switch (stack) {
            case "originwatch" -> Originwatch.start(work, o, pki, nginx);
            case "blackbox" -> Blackbox.start(work, o, pki, nginx);
            default -> throw new IllegalArgumentException("unknown stack " + stack + " (originwatch|blackbox)");
        };
        try (s) {
            double startToFirst = s.waitForFirstProbe(nginx);
            sleep(o.warmupSeconds());
            s.awaitApi();
            Map<Double, Double> lag0 = s.lagBuckets();
            Sample a = sample(s, nginx);
            long peak = 0;
            for (int i = 0; i < o.windowSeconds(); i++) {
                sleep(1);
                peak = Math.max(peak, s.rssKiB());
            }
            Sample b = sample(s, nginx);
            Map<Double, Double> lag1 = s.lagBuckets();
            String spoken = s.protocolsSpoken();
            if (!spoken.isEmpty()) {
                System.out.println("  " + stack + " " + o.scheme() + ": origins by ALPN " + spoken);
            }
            double secs = Duration.between(a.at(), b.at()).toNanos() / 1e9;
            if (s instanceof Originwatch ow) {
                ow.afterWindow(o, work, nginx, (b.stackCpu() - a.stackCpu()) / secs);
            }
            long probes = Math.max(1, b.requests() - a.requests());
            double stackCpu = b.stackCpu() - a.stackCpu();
            double nginxCpu = b.nginxCpu() - a.nginxCpu();
            double steal = b.steal() - a.steal();
            double other = (b.totalCpu() - a.totalCpu()) - stackCpu - nginxCpu;
            return new Figures(
                    stack,
                    o.planned(),
                    probes / secs,
                    stackCpu / probes * 1000,
                    nginxCpu / probes * 1000,
                    Math.max(peak, s.peakRssKiB()),
                    quantile(lag0, lag1, 0.50),
                    quantile(lag0, lag1, 0.99),
                    Math.max(0, other / secs),
                    Math.max(0, steal / secs),
                    startToFirst);
        }
    }

    static Sample sample(Stack s, Nginx nginx) throws Exception {
        return new Sample(
                s.cpuSeconds(),
                Proc.cpuSeconds(nginx.pids()),
                Proc.totalCpuSeconds(),
                Proc.stealSeconds(),
                nginx.requests(),
                Instant.now());
    }

    static void print(List<Figures> rows, String title) {
        System.out.println();
        System.out.println("== " + title);
        System.out.printf(
                Locale.ROOT,
                "%-12s %9s %9s %12s %12s %9s %9s %9s %8s %8s %8s%n",
                "stack",
                "planned/s",
                "achieved/s",
                "cpu-s/1000",
                "nginx-s/1000",
                "peakRSS",
                "lag-p50",
                "lag-p99",
                "other",
                "steal",
                "first");
        for (Figures f : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %9.0f %9.1f %12.3f %12.3f %7dMiB %8s %8s %7.2fc %7.2fc %7.2fs%s%n",
                    f.stack(),
                    f.planned(),
                    f.achieved(),
                    f.cpuPer1000(),
                    f.nginxCpuPer1000(),
                    f.peakRssKiB() / 1024,
                    ms(f.lagP50()),
                    ms(f.lagP99()),
                    f.otherCores(),
                    f.stealCores(),
                    f.startToFirstProbe(),
                    noise(f));
        }
    }

    /** Why a window is not comparable, or nothing: CPU other processes used, or CPU the hypervisor took. */
    static String noise(Figures f) {
        List<String> why = new ArrayList<>();
        if (f.otherCores() > 0.10) {
            why.add("other processes used CPU");
        }
        if (f.stealCores() > 0.05) {
            why.add("the hypervisor took CPU (steal)");
        }
        return why.isEmpty() ? "" : "  (noisy: " + String.join(", ", why) + ")";
    }

    static void summarize(List<Figures> all, Options o) {
        System.out.println();
        System.out.println("== summary (median [min..max] over rounds)");
        Map<String, List<Figures>> by = new TreeMap<>();
        all.forEach(f -> by.computeIfAbsent(f.stack(), k -> new ArrayList<>()).add(f));
        Map<String, Double> cpuMedian = new TreeMap<>();
        by.forEach((stack, fs) -> {
            List<Double> cpu = fs.stream().map(Figures::cpuPer1000).sorted().toList();
            List<Double> rate = fs.stream().map(Figures::achieved).sorted().toList();
            List<Double> rss =
                    fs.stream().map(f -> f.peakRssKiB() / 1024.0).sorted().toList();
            cpuMedian.put(stack, median(cpu));
            System.out.printf(
                    Locale.ROOT,
                    "%-12s cpu-s/1000 %.3f [%.3f..%.3f]  achieved/s %.1f [%.1f..%.1f] of %.0f  peakRSS %.0f MiB%n",
                    stack,
                    median(cpu),
                    cpu.get(0),
                    cpu.get(cpu.size() - 1),
                    median(rate),
                    rate.get(0),
                    rate.get(rate.size() - 1),
                    o.planned(),
                    median(rss));
        });
        if (cpuMedian.containsKey("originwatch") && cpuMedian.containsKey("blackbox")) {
            System.out.printf(
                    Locale.ROOT,
                    "ratio originwatch/blackbox CPU per probe: %.2fx%n",
                    cpuMedian.get("originwatch") / cpuMedian.get("blackbox"));
        }
        if (cpuMedian.containsKey("originwatch/h2") && cpuMedian.containsKey("originwatch/https")) {
            System.out.printf(
                    Locale.ROOT,
                    "ratio originwatch h2/HTTPS-1.1 CPU per probe: %.2fx (target <= 1.10x)%n",
                    cpuMedian.get("originwatch/h2") / cpuMedian.get("originwatch/https"));
        }
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String list(List<Double> values) {
        return String.join(
                ", ",
                values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
    }

    static String ms(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.0fms", seconds * 1000);
    }

    /** Quantile of the histogram delta between two cumulative bucket snapshots (le -> count). */
    static double quantile(Map<Double, Double> before, Map<Double, Double> after, double q) {
        if (after.isEmpty()) {
            return Double.NaN;
        }
        TreeMap<Double, Double> delta = new TreeMap<>();
        after.forEach((le, c) -> delta.put(le, c - before.getOrDefault(le, 0.0)));
        double total = delta.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double prevLe = 0;
        double prevCount = 0;
        for (Map.Entry<Double, Double> e : delta.entrySet()) {
            if (e.getValue() >= rank) {
                if (e.getKey().isInfinite()) {
                    return prevLe;
                }
                double inBucket = e.getValue() - prevCount;
                return inBucket <= 0 ? e.getKey() : prevLe + (e.getKey() - prevLe) * (rank - prevCount) / inBucket;
            }
            prevLe = e.getKey();
            prevCount = e.getValue();
        }
        return prevLe;
    }

    static void sleep(int seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        // /q/metrics at 100,000 origins is about 90 MB: allow for it on a loaded box
                        .timeout(Duration.ofSeconds(url.endsWith("/q/metrics") ? 180 : 5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    /** Every process the bench started; a shutdown hook stops them if the bench is interrupted. */
    static final List<Process> SPAWNED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SPAWNED.forEach(Process::destroy)));
    }

    static Process spawn(Path log, List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SPAWNED.add(p);
        return p;
    }

    static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    /** /proc accounting. */
    static final class Proc {
        static double cpuSeconds(List<Long> pids) throws IOException {
            double s = 0;
            for (long pid : pids) {
                s += cpuSeconds(pid);
            }
            return s;
        }

        /** utime + stime + cutime + cstime of one process, in seconds. */
        static double cpuSeconds(long pid) throws IOException {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                return 0;
            }
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // fields after the name: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                    / CLK_TCK;
        }

        /**
         * CPU time the box spent busy, steal included (time a virtual CPU wanted and the hypervisor
         * gave to someone else): cpu user nice system idle iowait irq softirq steal guest guest_nice;
         * idle and iowait are not busy, and guest time is already counted in user and nice.
         */
        static double totalCpuSeconds() throws IOException {
            String[] f = cpuLine();
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) { // skip idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / CLK_TCK;
        }

        /** The box's steal time so far, summed over its CPUs (reported apart: it is part of "other"). */
        static double stealSeconds() throws IOException {
            String[] f = cpuLine();
            return f.length > 8 ? Long.parseLong(f[8]) / CLK_TCK : 0;
        }

        private static String[] cpuLine() throws IOException {
            return Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        }

        static long statusKiB(long pid, String field) throws IOException {
            Path p = Path.of("/proc/" + pid + "/status");
            if (!Files.exists(p)) {
                return 0;
            }
            for (String line : Files.readAllLines(p)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return 0;
        }
    }

    /** A CA and a leaf for SITE, made with the openssl CLI. */
    record Pki(Path ca, Path cert, Path key) {
        static Pki create(Path work, String keyType) throws Exception {
            Path dir = Files.createDirectories(work.resolve("pki"));
            String alg = keyType.equals("rsa") ? "rsa:2048" : "ec";
            List<String> ecOpts = keyType.equals("rsa") ? List.of() : List.of("-pkeyopt", "ec_paramgen_curve:P-256");
            List<String> ca = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", alg));
            ca.addAll(ecOpts);
            ca.addAll(List.of(
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    "/CN=originwatch bench CA",
                    "-keyout",
                    dir.resolve("ca.key").toString(),
                    "-out",
                    dir.resolve("ca.pem").toString()));
            run(ca);
            List<String> csr = new ArrayList<>(List.of("openssl", "req", "-newkey", alg));
            csr.addAll(ecOpts);
            csr.addAll(List.of(
                    "-nodes",
                    "-subj",
                    "/CN=" + SITE,
                    "-keyout",
                    dir.resolve("leaf.key").toString(),
                    "-out",
                    dir.resolve("leaf.csr").toString()));
            run(csr);
            Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=DNS:" + SITE + "\n");
            run(List.of(
                    "openssl",
                    "x509",
                    "-req",
                    "-in",
                    dir.resolve("leaf.csr").toString(),
                    "-CA",
                    dir.resolve("ca.pem").toString(),
                    "-CAkey",
                    dir.resolve("ca.key").toString(),
                    "-CAcreateserial",
                    "-days",
                    "2",
                    "-extfile",
                    dir.resolve("ext.cnf").toString(),
                    "-out",
                    dir.resolve("leaf.pem").toString()));
            return new Pki(dir.resolve("ca.pem"), dir.resolve("leaf.pem"), dir.resolve("leaf.key"));
        }
    }

    /** One nginx, listening on 127.0.0.2..(1+NGINX_ADDRESSES) for http and https, plus stub_status. */
    static final class Nginx implements AutoCloseable {
        final Process process;
        final int httpPort;
        final int httpsPort;
        /** TLS with HTTP/2 on (nginx 1.22's {@code listen ... ssl http2}): ALPN selects h2. */
        final int h2Port;

        final int statusPort;

        Nginx(Process process, int httpPort, int httpsPort, int h2Port, int statusPort) {
            this.process = process;
            this.httpPort = httpPort;
            this.httpsPort = httpsPort;
            this.h2Port = h2Port;
            this.statusPort = statusPort;
        }

        static Nginx start(Path work, Pki pki) throws Exception {
            Path dir = Files.createDirectories(work.resolve("nginx"));
            Files.createDirectories(dir.resolve("logs"));
            int http = freePort();
            int https = freePort();
            int h2 = freePort();
            int status = freePort();
            StringBuilder listen = new StringBuilder();
            for (int i = 0; i < NGINX_ADDRESSES; i++) {
                listen.append("    listen 127.0.0.")
                        .append(2 + i)
                        .append(':')
                        .append(http)
                        .append(" backlog=4096;\n");
                listen.append("    listen 127.0.0.")
                        .append(2 + i)
                        .append(':')
                        .append(https)
                        .append(" ssl backlog=4096;\n");
                listen.append("    listen 127.0.0.")
                        .append(2 + i)
                        .append(':')
                        .append(h2)
                        .append(" ssl http2 backlog=4096;\n");
            }
            String conf = """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 8192; }
                    http {
                      access_log off;
                      keepalive_timeout 0;
                      server {
                    %2$s    server_name %3$s;
                        ssl_certificate %4$s;
                        ssl_certificate_key %5$s;
                        ssl_protocols TLSv1.2 TLSv1.3;
                        ssl_session_cache off;
                        ssl_session_tickets off;
                        location / { return 200 "ok\\n"; }
                      }
                      server {
                        listen 127.0.0.1:%6$d;
                        location = /status { stub_status; }
                      }
                    }
                    """.formatted(dir, listen, SITE, pki.cert(), pki.key(), status);
            Files.writeString(dir.resolve("nginx.conf"), conf);
            Process p = spawn(
                    dir.resolve("logs/stdout.log"),
                    List.of(
                            "nginx",
                            "-p",
                            dir.toString(),
                            "-c",
                            dir.resolve("nginx.conf").toString(),
                            "-g",
                            "daemon off;"));
            Nginx n = new Nginx(p, http, https, h2, status);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try {
                    n.requests();
                    return n;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline || !p.isAlive()) {
                        throw new IOException(
                                "nginx did not start: " + Files.readString(dir.resolve("logs/error.log")), e);
                    }
                    Thread.sleep(100);
                }
            }
        }

        List<Long> pids() {
            List<Long> pids = new ArrayList<>();
            pids.add(process.pid());
            process.descendants().forEach(ph -> pids.add(ph.pid()));
            return pids;
        }

        /** Requests served so far, not counting this status request itself. */
        long requests() throws IOException, InterruptedException {
            String body = get("http://127.0.0.1:" + statusPort + "/status");
            Matcher m = Pattern.compile("\\n\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)").matcher(body);
            if (!m.find()) {
                throw new IOException("unexpected stub_status: " + body);
            }
            return Long.parseLong(m.group(3)) - statusRequests++;
        }

        private long statusRequests = 1;

        String url(String scheme, int i) {
            int port = switch (scheme) {
                case "https" -> httpsPort;
                case "h2" -> h2Port;
                default -> httpPort;
            };
            return (scheme.equals("http") ? "http" : "https") + "://127.0.0." + (2 + i % NGINX_ADDRESSES) + ":" + port
                    + "/o/" + i;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            // nginx removes its pid file as it exits: wait, or deleting the work dir races it
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** A stack under test. */
    interface Stack extends AutoCloseable {
        List<Long> pids();

        default double cpuSeconds() throws IOException {
            return Proc.cpuSeconds(pids());
        }

        default long rssKiB() throws IOException {
            long s = 0;
            for (long pid : pids()) {
                s += Proc.statusKiB(pid, "VmRSS");
            }
            return s;
        }

        default long peakRssKiB() throws IOException {
            long s = 0;
            for (long pid : pids()) {
                s += Proc.statusKiB(pid, "VmHWM");
            }
            return s;
        }

        /** What the probes negotiated, e.g. {@code {h2=2000}}; empty when the stack does not say. */
        default String protocolsSpoken() throws Exception {
            return "";
        }

        /** Cumulative schedule-lag buckets (le seconds -> count); empty when the stack has none. */
        default Map<Double, Double> lagBuckets() throws Exception {
            return Map.of();
        }

        /**
         * Waits until the stack's HTTP API answers (originwatch probes before its HTTP server is up,
         * and at 100,000 origins on a loaded box the rest of its start can outlast the warm-up).
         */
        default void awaitApi() throws Exception {}

        Instant startedAt();

        /** Seconds from process start until nginx counted the first probe. */
        default double waitForFirstProbe(Nginx nginx) throws Exception {
            long base = nginx.requests();
            // generous: at 100,000 origins on a loaded 2-core box the daemon's start alone can take a minute
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (nginx.requests() == base) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("no probe reached nginx within 240 s");
                }
                Thread.sleep(20);
            }
            return Duration.between(startedAt(), Instant.now()).toNanos() / 1e9;
        }

        @Override
        void close() throws Exception;
    }

    record Originwatch(Process process, int port, Instant startedAt, Path originsFile, Path log, Pki pki)
            implements Stack {

        static Originwatch start(Path work, Options o, Pki pki, Nginx nginx) throws Exception {
            Path jar = Path.of(o.jar());
            if (!Files.exists(jar)) {
                throw new IOException(jar + " not found: run `mvn -B package -DskipTests` first");
            }
            // a directory of its own: the daemon watches the origins file's directory
            Path origins = Files.createDirectories(work.resolve("origins")).resolve("origins.yaml");
            Files.writeString(origins, originsYaml(o, pki, nginx, 0, o.origins(), false));
            int port = freePort();
            Instant t0 = Instant.now();
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(o.jvmOpts());
            cmd.addAll(List.of(
                    "-Doriginwatch.origins-file=" + origins,
                    "-Doriginwatch.edge.enabled=false",
                    "-Dquarkus.http.port=" + port,
                    "-Doriginwatch.max-concurrent-probes=" + Math.max(256, o.origins() / 10),
                    "-jar",
                    jar.toString()));
            Process p = spawn(work.resolve("originwatch.log"), cmd);
            return new Originwatch(p, port, t0, origins, work.resolve("originwatch.log"), pki);
        }

        /** Origins {@code from} to {@code to - 1}; {@code relabel} gives every tenth a label, so it counts as changed. */
        static String originsYaml(Options o, Pki pki, Nginx nginx, int from, int to, boolean relabel) {
            StringBuilder y = new StringBuilder(128 * (to - from) + 16).append("origins:\n");
            for (int i = from; i < to; i++) {
                y.append("  - name: o")
                        .append(i)
                        .append('\n')
                        .append("    url: ")
                        .append(nginx.url(o.scheme(), i))
                        .append('\n')
                        .append("    host: ")
                        .append(SITE)
                        .append('\n')
                        .append("    interval: ")
                        .append(o.intervalSeconds())
                        .append("s\n");
                if (!o.scheme().equals("http")) {
                    y.append("    trust-ca: ").append(pki.ca()).append('\n');
                }
                if (relabel && i % 10 == 0) {
                    y.append("    labels:\n      reload: \"1\"\n");
                }
            }
            return y.toString();
        }

        /**
         * After the measured window: the scrape's time, size and daemon CPU; with --heap the live
         * heap after a full GC (class histogram) per origin; with --reload an origins-file reload.
         */
        void afterWindow(Options o, Path work, Nginx nginx, double backgroundCores) throws Exception {
            System.out.printf(Locale.ROOT, "%nload before the after-window measurements: %s%n", loadAverage());
            System.out.printf(
                    Locale.ROOT, "RSS now (history as full as the warm-up made it): %d MiB%n", rssKiB() / 1024);
            scrape(backgroundCores);
            if (o.heap()) {
                heap(o, work);
            }
            if (o.reload()) {
                reload(o, nginx);
            }
        }

        /** Three timed GETs of /q/metrics; CPU per scrape is the daemon's CPU over the GET less its background rate. */
        void scrape(double backgroundCores) throws Exception {
            List<Double> times = new ArrayList<>();
            List<Double> cpus = new ArrayList<>();
            long bytes = 0;
            long lines = 0;
            for (int i = 0; i < 3; i++) {
                double cpu0 = cpuSeconds();
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                                .timeout(Duration.ofSeconds(180))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpu = cpuSeconds() - cpu0 - backgroundCores * secs;
                times.add(secs);
                cpus.add(Math.max(0, cpu));
                bytes = r.body().length;
                lines = 0;
                for (byte c : r.body()) {
                    if (c == '\n') {
                        lines++;
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "scrape /q/metrics: %,d bytes, %,d lines, wall %s s, daemon CPU %s s (less its background %.2f cores)%n",
                    bytes,
                    lines,
                    list(times),
                    list(cpus),
                    backgroundCores);
        }

        /** jcmd GC.class_histogram (a full GC first: live objects only) and GC.heap_info. */
        void heap(Options o, Path work) throws Exception {
            String jcmd =
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process h = new ProcessBuilder(jcmd, String.valueOf(process.pid()), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            String histogram = new String(h.getInputStream().readAllBytes());
            h.waitFor();
            Path file = work.resolve("histogram-" + o.origins() + ".txt");
            Files.writeString(file, histogram);
            String[] rows = histogram.split("\n");
            long total = 0;
            for (String row : rows) {
                if (row.startsWith("Total")) {
                    total = Long.parseLong(row.trim().split("\\s+")[2]);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "live heap after a full GC: %,d bytes, %,.0f bytes per origin (%,d origins); histogram in %s%n",
                    total,
                    (double) total / o.origins(),
                    o.origins(),
                    file);
            for (int i = 0; i < Math.min(rows.length, 28); i++) {
                System.out.println("  " + rows[i]);
            }
            Process info = new ProcessBuilder(jcmd, String.valueOf(process.pid()), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            System.out.print(new String(info.getInputStream().readAllBytes()));
            info.waitFor();
            System.out.printf(Locale.ROOT, "RSS after the full GC: %d MiB%n", rssKiB() / 1024);
        }

        /**
         * Rewrites the origins file (1% of the origins removed, 1% added, every tenth relabelled, so
         * changed) and reports when the daemon logged it applied, and the probes nginx counted per
         * 100 ms around it (a gap shows as a slow slice).
         */
        void reload(Options o, Nginx nginx) throws Exception {
            int n = o.origins();
            int shift = Math.max(1, n / 100);
            String yaml = originsYaml(o, pki, nginx, shift, n + shift, true);
            Path tmp = originsFile.resolveSibling(".origins.yaml.tmp");
            Files.writeString(tmp, yaml);
            long logBefore = Files.size(log);
            List<long[]> slices = new ArrayList<>(); // nanos, requests
            long tStart = System.nanoTime();
            for (int i = 0; i < 20; i++) { // 2 s before
                slices.add(new long[] {System.nanoTime(), nginx.requests()});
                Thread.sleep(100);
            }
            long written = System.nanoTime();
            Files.move(
                    tmp,
                    originsFile,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long applied = -1;
            String line = null;
            long deadline = written + TimeUnit.SECONDS.toNanos(60);
            long after = -1;
            while (System.nanoTime() < deadline && (after < 0 || System.nanoTime() < after)) {
                slices.add(new long[] {System.nanoTime(), nginx.requests()});
                if (applied < 0) {
                    line = newLogLine(logBefore, "origins file");
                    if (line != null) {
                        applied = System.nanoTime();
                        after = applied + TimeUnit.SECONDS.toNanos(5);
                    }
                }
                Thread.sleep(100);
            }
            if (applied < 0) {
                System.out.println("reload: not applied within 60 s");
                return;
            }
            double plannedPerSlice = o.planned() / 10;
            double worst = Double.MAX_VALUE;
            double worstAt = 0;
            for (int i = 1; i < slices.size(); i++) {
                double secs = (slices.get(i)[0] - slices.get(i - 1)[0]) / 1e9;
                double rate = (slices.get(i)[1] - slices.get(i - 1)[1]) / secs;
                if (rate < worst) {
                    worst = rate;
                    worstAt = (slices.get(i)[0] - written) / 1e9;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "reload of %,d origins: applied %.2f s after the file was replaced (%s)%n"
                            + "  probes/s in 100 ms slices from 2 s before to 5 s after: lowest %.0f/s at %+.1f s (plan %.0f/s)%n",
                    n,
                    (applied - written) / 1e9,
                    line.strip(),
                    worst,
                    worstAt,
                    o.planned());
        }

        private String newLogLine(long from, String prefix) throws IOException {
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(from);
                for (String l : new String(in.readAllBytes()).split("\n")) {
                    if (l.contains(prefix)) {
                        return l;
                    }
                }
            }
            return null;
        }

        @Override
        public List<Long> pids() {
            return List.of(process.pid());
        }

        @Override
        public String protocolsSpoken() throws Exception {
            Map<String, Integer> by = new TreeMap<>();
            Pattern p = Pattern.compile("^originwatch_origin_alpn_info\\{[^}]*alpn=\"([^\"]+)\"[^}]*} 1\\.0$");
            for (String line : get("http://127.0.0.1:" + port + "/q/metrics").split("\n")) {
                Matcher mm = p.matcher(line);
                if (mm.matches()) {
                    by.merge(mm.group(1), 1, Integer::sum);
                }
            }
            return by.toString();
        }

        @Override
        public void awaitApi() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            boolean waited = false;
            while (true) {
                try {
                    get("http://127.0.0.1:" + port + "/q/health/live");
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException(
                                "originwatch's HTTP API did not answer within 240 s after the warm-up", e);
                    }
                    waited = true;
                    Thread.sleep(200);
                }
            }
            if (waited) {
                System.out.printf(
                        Locale.ROOT,
                        "  originwatch's HTTP API answered only %.1f s after start, after the warm-up: the window"
                                + " starts now%n",
                        Duration.between(startedAt, Instant.now()).toNanos() / 1e9);
            }
        }

        @Override
        public Map<Double, Double> lagBuckets() throws Exception {
            Map<Double, Double> m = new TreeMap<>();
            Pattern p = Pattern.compile(
                    "^originwatch_schedule_lag_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");
            for (String line : get("http://127.0.0.1:" + port + "/q/metrics").split("\n")) {
                Matcher mm = p.matcher(line);
                if (mm.matches()) {
                    double le = mm.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(mm.group(1));
                    m.merge(le, Double.parseDouble(mm.group(2)), Double::sum);
                }
            }
            return m;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    record Blackbox(Process exporter, Process prometheus, Instant startedAt) implements Stack {

        static Blackbox start(Path work, Options o, Pki pki, Nginx nginx) throws Exception {
            Path dir = Files.createDirectories(work.resolve("blackbox-" + System.nanoTime()));
            int bbPort = freePort();
            int promPort = freePort();
            Files.writeString(dir.resolve("blackbox.yml"), """
                    modules:
                      origin:
                        prober: http
                        timeout: %ds
                        http:
                          preferred_ip_protocol: ip4
                          headers:
                            Host: %s
                          tls_config:
                            ca_file: %s
                            server_name: %s
                    """.formatted(
                            Math.max(1, o.intervalSeconds() - 1), SITE, pki.ca(), SITE));
            StringBuilder targets = new StringBuilder("- targets:\n");
            for (int i = 0; i < o.origins(); i++) {
                targets.append("  - ").append(nginx.url(o.scheme(), i)).append('\n');
            }
            Files.writeString(dir.resolve("targets.yml"), targets);
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: %1$ds
                      scrape_timeout: %2$ds
                    scrape_configs:
                      - job_name: blackbox
                        metrics_path: /probe
                        params:
                          module: [origin]
                        file_sd_configs:
                          - files: [%3$s]
                        relabel_configs:
                          - source_labels: [__address__]
                            target_label: __param_target
                          - source_labels: [__param_target]
                            target_label: instance
                          - target_label: __address__
                            replacement: 127.0.0.1:%4$d
                    """.formatted(
                    o.intervalSeconds(), Math.max(1, o.intervalSeconds() - 1), dir.resolve("targets.yml"), bbPort));
            Instant t0 = Instant.now();
            Process bb = spawn(
                    dir.resolve("blackbox.log"),
                    List.of(
                            "prometheus-blackbox-exporter",
                            "--config.file=" + dir.resolve("blackbox.yml"),
                            "--web.listen-address=127.0.0.1:" + bbPort));
            Process prom = spawn(
                    dir.resolve("prometheus.log"),
                    List.of(
                            "prometheus",
                            "--config.file=" + dir.resolve("prometheus.yml"),
                            "--storage.tsdb.path=" + dir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + promPort));
            return new Blackbox(bb, prom, t0);
        }

        @Override
        public List<Long> pids() {
            return List.of(exporter.pid(), prometheus.pid());
        }

        @Override
        public void close() throws Exception {
            for (Process p : List.of(prometheus, exporter)) {
                p.destroy();
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
