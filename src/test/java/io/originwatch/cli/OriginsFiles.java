package io.originwatch.cli;

import io.originwatch.lab.LabOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An origins file (the daemon's {@code originwatch.origins-file} format) for lab origins. */
final class OriginsFiles {

    private OriginsFiles() {}

    /** Writes {@code origins} with the settings the lab gives each; https ones trust {@code labCa}. */
    static Path write(Path file, List<LabOrigin> origins, Path labCa) throws IOException {
        StringBuilder yaml = new StringBuilder("origins:\n");
        for (LabOrigin o : origins) {
            yaml.append("  - name: ").append(o.name()).append('\n');
            yaml.append("    url: \"").append(o.url()).append("\"\n");
            yaml.append("    host: ").append(o.host()).append('\n');
            yaml.append("    connect-timeout: ")
                    .append(o.connectTimeout().toMillis())
                    .append("ms\n");
            yaml.append("    response-timeout: ")
                    .append(o.responseTimeout().toMillis())
                    .append("ms\n");
            yaml.append("    header-limit: ").append(o.headerLimitBytes()).append('\n');
            yaml.append("    expect-status: \"").append(o.expectStatus()).append("\"\n");
            yaml.append("    tls-verify: ").append(o.tlsVerify()).append('\n');
            if (o.https()) {
                yaml.append("    trust-ca: \"").append(labCa).append("\"\n");
            }
        }
        return Files.writeString(file, yaml.toString());
    }
}
