package io.originwatch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks {@code originwatch.evidence.*} at start-up, each problem naming its key (issue 7). */
public final class EvidenceSettings {

    private static final String PREFIX = "originwatch.evidence.";

    private EvidenceSettings() {}

    public static List<ConfigError> errors(EvidenceConfig c) {
        List<ConfigError> errors = new ArrayList<>();
        if (c.bodyCaptureBytes() < 0 || c.bodyCaptureBytes() > EvidenceConfig.MAX_BODY_CAPTURE_BYTES) {
            errors.add(new ConfigError(
                    PREFIX + "body-capture-bytes",
                    "must be 0.." + EvidenceConfig.MAX_BODY_CAPTURE_BYTES + " bytes, got " + c.bodyCaptureBytes()));
        }
        if (c.dirMaxBytes() <= 0) {
            errors.add(new ConfigError(PREFIX + "dir-max-bytes", "must be > 0 bytes, got " + c.dirMaxBytes()));
        }
        c.dir()
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d.trim()))
                .filter(p -> Files.exists(p) && !Files.isDirectory(p))
                .ifPresent(p -> errors.add(
                        new ConfigError(PREFIX + "dir", "not a directory: " + ConfigValues.quoted(p.toString()))));
        return errors;
    }
}
