package io.originwatch.probe;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx on loopback, for cross-checks of the prober against a real HTTP/2 server: one
 * {@code server} block per entry, each on its own port, TLS with a self-signed certificate for
 * {@link #HOST} made by openssl (so {@link #certificate()} is also the trust-ca).
 */
final class RealNginx implements AutoCloseable {

    static final String HOST = "nginx.test";

    /** One server block: how it listens ({@code ssl http2}, {@code ssl}) and its directives. */
    record Server(String listen, String directives) {}

    private final Path dir;
    private final Process process;
    private final List<Integer> ports;

    private RealNginx(Path dir, Process process, List<Integer> ports) {
        this.dir = dir;
        this.process = process;
        this.ports = ports;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) && Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    static RealNginx start(List<Server> servers) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("originwatch-nginx-");
        run(
                dir,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "key.pem",
                "-out",
                "cert.pem",
                "-days",
                "2",
                "-subj",
                "/CN=" + HOST,
                "-addext",
                "subjectAltName=DNS:" + HOST);
        List<Integer> ports = new ArrayList<>();
        StringBuilder conf = new StringBuilder();
        conf.append("daemon off;\nmaster_process off;\nworker_processes 1;\npid ")
                .append(dir.resolve("nginx.pid"))
                .append(";\nerror_log ")
                .append(dir.resolve("error.log"))
                .append(" info;\n")
                .append("events { worker_connections 64; }\nhttp {\n  access_log off;\n")
                .append("  client_body_temp_path ")
                .append(dir)
                .append("/body;\n")
                .append("  proxy_temp_path ")
                .append(dir)
                .append("/proxy;\n")
                .append("  fastcgi_temp_path ")
                .append(dir)
                .append("/fastcgi;\n")
                .append("  uwsgi_temp_path ")
                .append(dir)
                .append("/uwsgi;\n")
                .append("  scgi_temp_path ")
                .append(dir)
                .append("/scgi;\n")
                .append("  ssl_certificate ")
                .append(dir.resolve("cert.pem"))
                .append(";\n")
                .append("  ssl_certificate_key ")
                .append(dir.resolve("key.pem"))
                .append(";\n");
        for (Server s : servers) {
            int port = freePort();
            ports.add(port);
            conf.append("  server {\n    listen 127.0.0.1:")
                    .append(port)
                    .append(' ')
                    .append(s.listen())
                    .append(";\n    server_name ")
                    .append(HOST)
                    .append(";\n    ")
                    .append(s.directives())
                    .append("\n  }\n");
        }
        conf.append("}\n");
        Files.writeString(dir.resolve("nginx.conf"), conf);
        Process p = new ProcessBuilder(
                        "/usr/sbin/nginx",
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        RealNginx nginx = new RealNginx(dir, p, ports);
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !p.isAlive() || ports.stream().allMatch(RealNginx::listening));
            if (!p.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(dir.resolve("stdout.log")));
            }
        } catch (RuntimeException | IOException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    int port(int server) {
        return ports.get(server);
    }

    Path certificate() {
        return dir.resolve("cert.pem");
    }

    Path dir() {
        return dir;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs a command in {@code dir} and returns its output; fails on a non-zero exit. */
    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
