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
 * @param settings   origin keys the source sets for this origin, by key text (e.g. {@code header-limit}
 *                   from an Ingress annotation); validated like the same keys in a config file
 */
public record DiscoveredOrigin(
        String name,
        String url,
        String host,
        String viaEdgeUrl,
        Map<String, String> labels,
        Map<String, String> settings) {

    public DiscoveredOrigin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        labels = Map.copyOf(labels);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** An origin with no settings of its own (the source's defaults apply). */
    public DiscoveredOrigin(String name, String url, String host, String viaEdgeUrl, Map<String, String> labels) {
        this(name, url, host, viaEdgeUrl, labels, Map.of());
    }
}
