package io.originwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.app.HarJson;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.ProbeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --har FILE}: the HAR 1.2 of the probe, built and serialised as the daemon's HAR endpoint
 * builds it ({@link HarBuilder}, {@link HarJson}). With a via-edge probe, its HAR goes beside it as
 * {@code FILE-via-edge.har}: two files, as in a support bundle, because a CDN's support asks for the
 * two paths separately.
 */
final class CheckHar {

    private static final HarJson JSON = new HarJson(new ObjectMapper());

    private CheckHar() {}

    /** Writes the HAR(s); returns the files written. */
    static List<Path> write(Path file, CheckResult c, HarBuilder builder) throws IOException {
        List<Path> written = new ArrayList<>();
        Files.write(file, JSON.bytes(new Captured(c.direct(), ProbeKind.DIRECT).har(builder)));
        written.add(file);
        if (c.edge() != null) {
            Path edge = viaEdgeFile(file);
            Files.write(edge, JSON.bytes(new Captured(c.edge(), ProbeKind.VIA_EDGE).har(builder)));
            written.add(edge);
        }
        return written;
    }

    /** {@code out.har} -> {@code out-via-edge.har}; a name without {@code .har} gets the suffix appended. */
    static Path viaEdgeFile(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".har") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(base + "-" + ProbeKind.VIA_EDGE.label() + ".har");
    }
}
