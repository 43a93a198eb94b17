package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * {@code originwatch.evidence.*}: HAR files, redaction and body capture (issue 7); see docs/evidence.md.
 * Numbers are kept as text and converted, with errors naming their keys, by {@link EvidenceSettings}.
 */
@ConfigMapping(prefix = "originwatch.evidence")
public interface EvidenceConfig {

    /** Largest accepted body-capture-bytes: the body limit itself (64 KiB). */
    int MAX_BODY_CAPTURE_BYTES = 64 * 1024;

    /**
     * Body bytes kept per probe for the HAR, at most the body limit; default 8192
     * ({@code Prober.DEFAULT_BODY_CAPTURE_BYTES}: 10,000 origins x 2 HARs stay under ~160 MiB of bodies).
     */
    @WithDefault("8192")
    String bodyCaptureBytes();

    /**
     * Header names whose values are replaced by {@code [redacted]}, on top of Authorization, Cookie,
     * Set-Cookie and Proxy-Authorization, which are always redacted.
     */
    Optional<List<String>> redactHeaders();

    /** Directory failing HARs are written to (one file per failure episode); unset = memory only. */
    Optional<String> dir();

    /** Total size of the HAR files in {@code dir}; the oldest are deleted beyond it. Default 100 MiB. */
    @WithDefault("104857600")
    String dirMaxBytes();
}
