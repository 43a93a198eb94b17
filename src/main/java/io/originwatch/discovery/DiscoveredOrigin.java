package io.originwatch.discovery;

import java.util.Map;
import java.util.Objects;

/**
 * One origin a source found, still as text (validated like any configured origin above this layer).
 *
 * @param name       valid, stable origin name derived from what it came from
 * @param url        where to connect, e.g. {@code https://192.0.2.10:443/}
 * @param host       Host header and SNI (the site's name)
 * @param viaEdgeUrl the site's public URL probed through the edge, or null
 * @param labels     where it came from (e.g. {@code zone}, {@code record_id})
 */
public record DiscoveredOrigin(String name, String url, String host, String viaEdgeUrl, Map<String, String> labels) {

    public DiscoveredOrigin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        labels = Map.copyOf(labels);
    }
}
