package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's keys under {@code originwatch.*}; see docs/configuration.md.
 *
 * <p>Other areas map their own sub-trees ({@code originwatch.edge}, {@code .allowlists},
 * {@code .alerting}, {@code .evidence}, {@code .api}) with their own {@code @ConfigMapping}s.
 * SmallRye validates unknown keys against the union of all registered mappings: a key under
 * {@code originwatch} is rejected (SRCFG00050 "does not map to any root") only when no mapping
 * claims it, so this mapping never needs to declare those sub-trees and does not reject them
 * (checked by {@code OriginApiTest#anotherAreasKeysUnderOriginwatchAreAccepted}, with a
 * test-only mapping standing in for another area). Values are kept as text here and converted in
 * {@link OriginValidator}, the one place that turns configuration into domain records.
 */
@ConfigMapping(prefix = "originwatch")
public interface OriginwatchConfig {

    /** Defaults for every origin. */
    OriginDefaults defaults();

    /** Origins configured inline ({@code originwatch.origins[n].*}). */
    Optional<List<OriginSettings>> origins();

    /** A YAML file with more origins, re-read when it changes. */
    Optional<String> originsFile();

    /**
     * {@code true}: apply an origins file even when it is empty, lists no origins, or removes more
     * than half of the origins it brought; default {@code false} (such a file is refused).
     */
    Optional<String> originsFileAllowMassRemoval();

    /**
     * Largest origins file read, in bytes; a larger one is refused (at start-up and on reload). Default
     * 33554432 (32 MiB), enough for 100,000 origins.
     */
    Optional<String> originsFileMaxBytes();

    /**
     * A writable directory where state that must survive a restart is kept (the alert state:
     * firing alerts and failure streaks, {@code alert-state.tsv}); unset = memory only. Created when
     * missing; one that cannot be written is logged at start and the state stays in memory.
     */
    Optional<String> stateDir();

    /** Global cap on probes in flight; default 256. */
    Optional<String> maxConcurrentProbes();

    /**
     * TLS stack of the probes: {@code auto} (default: Conscrypt where its native library loads, else
     * the JDK), {@code conscrypt} (refuse to start without it) or {@code jdk}.
     */
    Optional<String> tlsProvider();

    /** User-Agent sent by probes; default {@code originwatch/<version>}. */
    Optional<String> userAgent();

    /** The origin lab (built-in misbehaving origins). */
    Lab lab();

    /** {@code originwatch.lab.*}. */
    interface Lab {

        /** Start the lab and probe its origins; default false (true in the demo profile). */
        Optional<String> enabled();
    }
}
