package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the Prometheus binaries (Debian's prometheus package) the tests use for real. */
final class Prometheus {

    private Prometheus() {}

    /** /usr/bin/&lt;name&gt; or &lt;name&gt; on the PATH; a missing binary fails with what to install. */
    static Path tool(String name) {
        Path usrBin = Path.of("/usr/bin", name);
        if (Files.isExecutable(usrBin)) {
            return usrBin;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail(
                "%s not found in /usr/bin or on the PATH: install Debian's prometheus package "
                        + "(apt-get install prometheus), which provides prometheus and promtool",
                name);
    }
}
