package io.originwatch.discovery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The validated {@code originwatch.discovery.cloudflare.*} keys.
 *
 * @param apiUrl           the v4 API base, e.g. {@code https://api.cloudflare.com/client/v4}
 * @param apiToken         a read-only API token (never logged, never in {@link #toString()})
 * @param zones            zone names; empty = every zone the token can read
 * @param refresh          time between two runs
 * @param include          globs on record names; empty = every name
 * @param exclude          globs on record names left out
 * @param recordTypes      record types that become origins (A, AAAA, CNAME)
 * @param path             path requested on the discovered origins
 * @param scheme           http or https
 * @param port             port the origin is probed on
 * @param viaEdge          also probe {@code scheme://record-name/path} through the edge
 * @param allowMassRemoval let a result remove more than half of the discovered origins
 */
public record CloudflareSettings(
        URI apiUrl,
        String apiToken,
        List<String> zones,
        Duration refresh,
        List<String> include,
        List<String> exclude,
        Set<String> recordTypes,
        String path,
        String scheme,
        int port,
        boolean viaEdge,
        boolean allowMassRemoval) {

    public static final String DEFAULT_API_URL = "https://api.cloudflare.com/client/v4";
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(10);
    public static final Set<String> RECORD_TYPES = Set.of("A", "AAAA", "CNAME");

    public CloudflareSettings {
        zones = List.copyOf(zones);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        recordTypes = Set.copyOf(recordTypes);
    }

    /** Everything but the token. */
    @Override
    public String toString() {
        return "CloudflareSettings[apiUrl=" + apiUrl + ", apiToken=<redacted>, zones=" + zones + ", refresh=" + refresh
                + ", include=" + include + ", exclude=" + exclude + ", recordTypes=" + recordTypes + ", path=" + path
                + ", scheme=" + scheme + ", port=" + port + ", viaEdge=" + viaEdge + "]";
    }
}
