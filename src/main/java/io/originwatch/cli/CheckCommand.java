package io.originwatch.cli;

import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.Redactor;
import io.originwatch.origin.Origin;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code originwatch check URL [options]}: one probe of one origin (or of every origin of a file)
 * through the daemon's prober and classifier, without the daemon. Lifecycle:
 * <ol>
 * <li>parse the options; a usage error prints every problem, each naming its option, and exits 2;</li>
 * <li>build the origin(s) through the config layer's validator (the same defaults, checks and
 * messages as a config file; errors exit 2);</li>
 * <li>probe (several origins in parallel), then the via-edge URL if any;</li>
 * <li>print the human report, one line per origin for {@code --config}, or the API's JSON;
 * write the HAR(s) when asked;</li>
 * <li>exit 0 when the cause is {@code ok}, 1 for any other cause, 3 when originwatch itself failed.</li>
 * </ol>
 */
public final class CheckCommand {

    static final String USAGE = """
            usage: originwatch check URL [options]
                   originwatch check --config FILE [--json]

            Probes the origin at URL once, as the edge would (straight to the address, with the site's
            Host and SNI), and says which answer the edge would give and why. Exit status: 0 ok,
            1 any other cause (520-526, unexpected_status), 2 usage or config error, 3 internal failure.

            options (each mirrors the origin key of the same name, see docs/configuration.md):
              --host NAME              Host header, SNI and certificate name (default: the URL's host)
              --method GET|HEAD        default GET
              --header NAME:VALUE      extra request header; repeatable
              --header-limit BYTES     the edge's header-section limit; default 8192
              --connect-timeout DUR    e.g. 5s, 500ms; default 19s (the edge's)
              --response-timeout DUR   default 125s (the edge's)
              --expect-status SET      statuses counted as ok, e.g. 200-399 (default) or 200,301-302
              --trust-ca FILE          PEM bundle trusted besides the JDK's CAs
              --tls-trust add|replace  replace: trust only --trust-ca (the edge's Custom Origin Trust Store)
              --tls-profile edge|jdk   the ClientHello the edge sends origins (default) or the JDK's own
              --tls-client-certificate FILE, --tls-client-key FILE
                                       client certificate (PEM) presented when the origin asks
              --http-version V         auto (default: h2 if the origin selects it in ALPN), 1.1 or 2
              --insecure               tls-verify off: the edge's "Full" mode, certificate problems only warn
              --via-edge URL           also probe the site's public URL through the edge, and compare
              --har FILE               write the probe's HAR 1.2 (with --via-edge also FILE-via-edge.har)
              --json                   print the result as GET /api/origins shows one origin
              --config FILE            check every origin of a config or origins file once, in parallel
            """;

    private final PrintStream out;
    private final PrintStream err;

    public CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns the exit status. Never throws. */
    public int run(String[] args) {
        try {
            if (CheckOptions.wantsHelp(args)) {
                out.print(USAGE);
                return ExitStatus.OK.code();
            }
            CheckOptions options = CheckOptions.parse(args);
            String version = version();
            String userAgent = "originwatch/" + version;
            HarBuilder evidence = new HarBuilder(version, Redactor.defaults());
            CheckProber prober = new CheckProber();
            if (options.config() != null) {
                List<Origin> origins = CheckOrigins.fromFile(options.config(), userAgent);
                return all(prober.checkAll(origins), options, evidence).code();
            }
            Origin origin = CheckOrigins.fromOptions(options, userAgent);
            return one(prober.check(origin), options, evidence).code();
        } catch (UsageException e) {
            e.problems().forEach(p -> err.println("originwatch check: " + p));
            err.println("usage: originwatch check URL [options]; originwatch check --help lists them");
            return ExitStatus.USAGE.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("originwatch check: interrupted");
            return ExitStatus.INTERNAL.code();
        } catch (RuntimeException | IOException | LinkageError e) {
            err.println("originwatch check: internal failure (not an origin fault): " + e);
            return ExitStatus.INTERNAL.code();
        }
    }

    private ExitStatus one(CheckResult c, CheckOptions options, HarBuilder evidence) throws IOException {
        if (options.har() != null) {
            for (var written : CheckHar.write(options.har(), c, evidence)) {
                err.println("originwatch check: HAR written to " + written);
            }
        }
        if (options.json()) {
            out.println(CheckJson.one(c, evidence));
        } else {
            out.print(new CheckReport(evidence).full(c));
        }
        return c.exitStatus();
    }

    private ExitStatus all(List<CheckResult> results, CheckOptions options, HarBuilder evidence) {
        ExitStatus status = ExitStatus.OK;
        for (CheckResult c : results) {
            status = status.worst(c.exitStatus());
        }
        if (options.json()) {
            out.println(CheckJson.list(results, evidence));
            return status;
        }
        int width =
                results.stream().mapToInt(c -> c.origin().name().length()).max().orElse(4);
        for (CheckResult c : results) {
            out.println(CheckReport.line(c, width));
        }
        return status;
    }

    /**
     * The application's version, as the daemon's User-Agent and HAR creator give it
     * ({@code quarkus.application.version}, the project version): read from the manifest of the jar
     * the JVM was started with ({@code java -jar quarkus-run.jar}), or {@code dev} outside one.
     */
    static String version() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return "dev";
        }
        try (JarFile jar = new JarFile(classPath)) {
            Manifest m = jar.getManifest();
            String v = m == null ? null : m.getMainAttributes().getValue("Implementation-Version");
            return v == null || v.isBlank() ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
