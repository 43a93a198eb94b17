package io.originwatch.discovery;

import java.util.List;

/** One complete run of a source: the origins it found and what it skipped. */
public record DiscoveryResult(List<DiscoveredOrigin> origins, List<Skipped> skipped) {

    public DiscoveryResult {
        origins = List.copyOf(origins);
        skipped = List.copyOf(skipped);
    }

    public static final DiscoveryResult EMPTY = new DiscoveryResult(List.of(), List.of());
}
