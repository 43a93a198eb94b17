package io.originwatch.edge.ranges;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the range service needs, already validated by the config layer.
 *
 * @param urls       where to fetch; empty means the provider's defaults
 * @param staleAfter a list not confirmed by its source for this long is reported stale
 */
public record RangeSettings(
        Provider provider,
        List<URI> urls,
        boolean chinaNetwork,
        String cloudFrontService,
        double maxShrink,
        Path cacheDir,
        Duration staleAfter,
        Duration fetchTimeout) {

    public RangeSettings {
        urls = List.copyOf(urls.isEmpty() ? provider.defaultUrls(chinaNetwork) : urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(
                    "provider " + provider.label() + " has no default URL, configure at least one");
        }
    }
}
