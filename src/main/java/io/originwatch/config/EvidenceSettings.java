package io.originwatch.config;

import io.originwatch.probe.Prober;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@link EvidenceConfig} as typed values, checked at start-up with each problem naming its key
 * (issue 7).
 *
 * @param bodyCaptureBytes body bytes kept per probe for the HAR, 0..{@link EvidenceConfig#MAX_BODY_CAPTURE_BYTES}
 * @param dir              where failing HARs are written, if anywhere
 * @param dirMaxBytes      total size of the HAR files in {@code dir}, above 0
 */
public record EvidenceSettings(int bodyCaptureBytes, Optional<Path> dir, long dirMaxBytes) {

    private static final String PREFIX = "originwatch.evidence.";

    /** What runs while an invalid configuration makes the daemon exit: default capture, memory only. */
    static final EvidenceSettings INVALID =
            new EvidenceSettings(Prober.DEFAULT_BODY_CAPTURE_BYTES, Optional.empty(), 1);

    /**
     * The settings; with any error (each added to {@code errors}) {@link #INVALID}, which never
     * writes a file, so nothing lands on disk while the daemon refuses to start.
     */
    public static EvidenceSettings from(EvidenceConfig c, List<ConfigError> errors) {
        int before = errors.size();
        Integer capture = ConfigValues.integer(PREFIX + "body-capture-bytes", c.bodyCaptureBytes(), errors);
        if (capture != null && (capture < 0 || capture > EvidenceConfig.MAX_BODY_CAPTURE_BYTES)) {
            errors.add(new ConfigError(
                    PREFIX + "body-capture-bytes",
                    "must be 0.." + EvidenceConfig.MAX_BODY_CAPTURE_BYTES + " bytes, got " + capture));
        }
        Long maxBytes = ConfigValues.longInteger(PREFIX + "dir-max-bytes", c.dirMaxBytes(), errors);
        if (maxBytes != null && maxBytes <= 0) {
            errors.add(new ConfigError(PREFIX + "dir-max-bytes", "must be > 0 bytes, got " + maxBytes));
        }
        Optional<Path> dir = c.dir().filter(d -> !d.isBlank()).map(d -> Path.of(d.trim()));
        dir.filter(p -> Files.exists(p) && !Files.isDirectory(p))
                .ifPresent(p -> errors.add(
                        new ConfigError(PREFIX + "dir", "not a directory: " + ConfigValues.quoted(p.toString()))));
        return errors.size() > before ? INVALID : new EvidenceSettings(capture, dir, maxBytes);
    }
}
