package io.originwatch.config;

import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.origin.Origin;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's validated start-up configuration.
 *
 * @param inlineOrigins       origins from the application config ({@code originwatch.origins[n]})
 * @param originsFile         the watched origins file, if configured
 * @param fileOrigins         origins read from that file at start-up
 * @param maxConcurrentProbes global cap on probes in flight
 * @param labEnabled          start the origin lab and probe its origins
 * @param tlsProvider         the probes' TLS stack
 * @param configWindows       maintenance windows of the main config
 * @param fileWindows         maintenance windows read from the origins file at start-up
 * @param cluster             cluster mode, or {@link ClusterSettings#STANDALONE}
 */
public record DaemonSettings(
        List<Origin> inlineOrigins,
        Optional<Path> originsFile,
        List<Origin> fileOrigins,
        int maxConcurrentProbes,
        boolean labEnabled,
        TlsProvider tlsProvider,
        List<MaintenanceWindow> configWindows,
        List<MaintenanceWindow> fileWindows,
        ClusterSettings cluster) {

    public static final int DEFAULT_MAX_CONCURRENT_PROBES = 256;

    public DaemonSettings {
        inlineOrigins = List.copyOf(inlineOrigins);
        fileOrigins = List.copyOf(fileOrigins);
        configWindows = List.copyOf(configWindows);
        fileWindows = List.copyOf(fileWindows);
    }
}
