/*
 * originwatch check, timed as a user feels it: the wall time of the whole command (JVM start, probe,
 * report, exit) against a healthy loopback origin, median of N runs.
 *
 * Run from the repository root after `mvn -B package -DskipTests` (JDK 21+):
 *
 *   java bench/CheckTime.java                 # 10 runs of each command below, after one warm-up run
 *   java bench/CheckTime.java --runs 20 --smoke
 *
 * Commands timed, each against the same origin (the JDK's HttpServer on 127.0.0.1, answering
 * 200 with a 2-byte body):
 *  - java -jar target/quarkus-app/quarkus-run.jar check URL   (the jar as the issue names it)
 *  - bin/originwatch check URL                                 (the README's wrapper: a class-data
 *                                                               archive of the check's classes)
 *  - the same with --json                                       (Jackson's start-up on top)
 * The warm-up run of each is not counted: it fills the OS's page cache (and creates the wrapper's
 * archive), which a user's second check finds warm too. Each run must exit 0 and print the ok
 * verdict, or the benchmark fails. "load" is /proc/loadavg's 1-minute figure before the runs: on a
 * shared 2-core box, anything above ~1 inflates every figure.
 *
 * --smoke: 2 runs of each, for CI (proves the program and the command still work; figures not meaningful).
 */

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

public class CheckTime {

    /** Wall-time target of the issue for a healthy loopback origin, JVM start included. */
    static final double TARGET_SECONDS = 2.0;

    /** bin/originwatch builds the jar first when the sources are newer: only the warm-up may. */
    static final long WARM_UP_TIMEOUT_SECONDS = 900;

    static final long RUN_TIMEOUT_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        int runs = 10;
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--smoke" -> smoke = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--runs N, --smoke)");
            }
        }
        if (smoke) {
            runs = 2;
        }
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": run mvn -B package -DskipTests first");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();
        try {
            String url = "http://127.0.0.1:" + origin.getAddress().getPort() + "/";
            System.out.printf(
                    Locale.ROOT,
                    "check wall time, %s, %d run(s) each after one warm-up, load %s%n",
                    Runtime.version(),
                    runs,
                    load());
            time("java -jar quarkus-run.jar check URL", List.of(java, "-jar", jar.toString(), "check", url), runs);
            time("bin/originwatch check URL", List.of("bin/originwatch", "check", url), runs);
            time("bin/originwatch check URL --json", List.of("bin/originwatch", "check", url, "--json"), runs);
        } finally {
            origin.stop(0);
        }
    }

    private static void time(String label, List<String> command, int runs) throws Exception {
        once(command, WARM_UP_TIMEOUT_SECONDS); // warm-up: may build the jar when sources changed
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            seconds.add(once(command, RUN_TIMEOUT_SECONDS));
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(
                Locale.ROOT,
                "%-36s median %.3f s  min %.3f s  max %.3f s  (target < %.1f s: %s)%n",
                label,
                median,
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                TARGET_SECONDS,
                median < TARGET_SECONDS ? "met" : "MISSED");
    }

    /** One run's wall time in seconds; fails unless it exits 0 with the ok verdict. */
    private static double once(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("checktime", ".out");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("no exit within " + timeoutSeconds + " s: " + command);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String text = Files.readString(out);
            if (p.exitValue() != 0
                    || !(text.contains("the edge would answer 200: ok") || text.contains("\"cause\":\"ok\""))) {
                throw new IllegalStateException("exit " + p.exitValue() + " from " + command + ":\n" + text);
            }
            return seconds;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
