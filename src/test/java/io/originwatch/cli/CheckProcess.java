package io.originwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.lab.LabOrigin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar quarkus-run.jar check ...} as a user runs it: a process of its own, on the JDK
 * running the tests. Lab host names resolve through an empty hosts file
 * ({@code jdk.net.hosts.file}), so the unreachable scenario's name never reaches a real DNS server;
 * every other lab URL is an IP literal.
 */
final class CheckProcess {

    /** Far above any lab scenario (connect 2 s + response 3 s) plus a JVM start on a busy machine. */
    private static final long TIMEOUT_SECONDS = 120;

    /** What the command did. */
    record Run(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    private CheckProcess() {}

    static Path jar() {
        Path jar = Path.of(System.getProperty("originwatch.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("run mvn package first").isRegularFile();
        return jar;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Runs {@code check} with these arguments and waits for it. */
    static Run check(String... args) {
        return check(List.of(args));
    }

    static Run check(List<String> args) {
        try {
            Path hosts = Files.createTempFile("originwatch-check-hosts", "");
            Path out = Files.createTempFile("originwatch-check", ".out");
            Path err = Files.createTempFile("originwatch-check", ".err");
            try {
                List<String> command = new ArrayList<>(
                        List.of(java(), "-Djdk.net.hosts.file=" + hosts, "-jar", jar().toString(), "check"));
                command.addAll(args);
                Process p = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("check did not end within " + TIMEOUT_SECONDS + " s: " + command);
                }
                return new Run(
                        p.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(hosts);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The options that probe a lab origin as the lab says to, each through the option of its key. */
    static List<String> optionsFor(LabOrigin o, Path labCa) {
        List<String> args = new ArrayList<>(List.of(
                o.url().toString(),
                "--host",
                o.host(),
                "--connect-timeout",
                o.connectTimeout().toMillis() + "ms",
                "--response-timeout",
                o.responseTimeout().toMillis() + "ms",
                "--header-limit",
                Integer.toString(o.headerLimitBytes()),
                "--expect-status",
                o.expectStatus()));
        if (o.https()) {
            args.add("--trust-ca");
            args.add(labCa.toString());
        }
        if (o.clientCertificate() != null) {
            args.addAll(List.of(
                    "--tls-client-certificate",
                    o.clientCertificate().toString(),
                    "--tls-client-key",
                    o.clientKey().toString()));
        }
        if (!o.tlsVerify()) {
            args.add("--insecure");
        }
        return args;
    }
}
