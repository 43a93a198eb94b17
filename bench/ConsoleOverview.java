import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The web console's overview at fleet size: starts the packaged daemon with N origins (default
 * 10,000) on a loopback origin server, {@code --failing} of them answering 503, waits until none is
 * pending, then fetches {@code /ui} repeatedly and prints its time (wall clock on loopback, so server
 * time plus a loopback round trip) and size. The target: under 300 ms and under 300 KB.
 *
 * <pre>
 *   mvn -B package -DskipTests
 *   java bench/ConsoleOverview.java [--origins 10000] [--failing 100] [--rounds 30] [--jar target/quarkus-app/quarkus-run.jar]
 *       [--jvm-opts "-Xmx512m"]   (the daemon's JVM flags, e.g. a JFR recording for a profile)
 * </pre>
 */
public class ConsoleOverview {

    public static void main(String[] args) throws Exception {
        int origins = intArg(args, "--origins", 10_000);
        int failing = intArg(args, "--failing", 100);
        int rounds = intArg(args, "--rounds", 30);
        Path jar = Path.of(arg(args, "--jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IOException(jar + " not found: run `mvn -B package -DskipTests` first");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            boolean broken = ex.getRequestURI().getPath().startsWith("/broken");
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(broken ? 503 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        Path work = Files.createTempDirectory("console-bench");
        Path file = Files.createDirectories(work.resolve("origins")).resolve("origins.yaml");
        StringBuilder y = new StringBuilder("origins:\n");
        int port = server.getAddress().getPort();
        for (int i = 0; i < origins; i++) {
            String path = i < failing ? "/broken/" + i : "/ok/" + i;
            y.append("  - name: o")
                    .append(i)
                    .append('\n')
                    .append("    url: http://127.0.0.1:")
                    .append(port)
                    .append(path)
                    .append('\n')
                    .append("    host: site")
                    .append(i % 100)
                    .append(".test\n")
                    .append("    interval: 60s\n");
        }
        Files.writeString(file, y);
        int http = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(arg(args, "--jvm-opts", "-Xmx512m").trim().split("\\s+")));
        cmd.addAll(List.of(
                "-Doriginwatch.origins-file=" + file,
                "-Doriginwatch.edge.enabled=false",
                "-Dquarkus.http.port=" + http,
                "-jar",
                jar.toString()));
        Process daemon = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("originwatch.log").toFile())
                .start();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + http;
        try {
            long t0 = System.nanoTime();
            while (true) {
                if (!daemon.isAlive()) {
                    throw new IOException("daemon exited; see " + work.resolve("originwatch.log"));
                }
                try {
                    String html = get(client, base + "/ui").body();
                    if (html.contains("data-count=\"pending\">0<")
                            && html.contains("data-count=\"configured\">" + origins + "<")) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IOException("origins still pending after 5 minutes");
                }
                Thread.sleep(1000);
            }
            System.out.printf(Locale.ROOT, "every origin probed %.1f s after start%n", (System.nanoTime() - t0) / 1e9);
            for (int i = 0; i < 10; i++) {
                get(client, base + "/ui"); // warm-up: JIT, template caches
            }
            List<Double> ms = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < rounds; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = get(client, base + "/ui");
                ms.add((System.nanoTime() - s) / 1e6);
                bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
            }
            Collections.sort(ms);
            // on the shared 2-core box a load above ~2 inflates every figure: say what it was
            System.out.printf(
                    Locale.ROOT,
                    "load average (1, 5, 15 min) after the requests: %s%n",
                    String.join(
                            ", ",
                            List.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                                    .subList(0, 3)));
            System.out.printf(
                    Locale.ROOT,
                    "GET /ui with %,d origins (%d failing): median %.1f ms, p90 %.1f ms, max %.1f ms over %d requests;"
                            + " %,d bytes (%.0f KB)%n",
                    origins,
                    failing,
                    ms.get(ms.size() / 2),
                    ms.get((int) Math.ceil(ms.size() * 0.9) - 1),
                    ms.get(ms.size() - 1),
                    rounds,
                    bytes,
                    bytes / 1024.0);
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(15, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
            server.stop(0);
        }
    }

    static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    static int intArg(String[] args, String name, int dflt) {
        return Integer.parseInt(arg(args, name, String.valueOf(dflt)));
    }
}
