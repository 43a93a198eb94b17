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
 * @param minPrefixIpv4 widest IPv4 prefix a fetched list may hold ({@link RangeValidator#DEFAULT_MIN_PREFIX_IPV4})
 * @param minPrefixIpv6 widest IPv6 prefix a fetched list may hold ({@link RangeValidator#DEFAULT_MIN_PREFIX_IPV6})
 */
public record RangeSettings(
        Provider provider,
        List<URI> urls,
        boolean chinaNetwork,
        String cloudFrontService,
        double maxShrink,
        Path cacheDir,
        Duration staleAfter,
        Duration fetchTimeout,
        int minPrefixIpv4,
        int minPrefixIpv6) {

    /** With the default minimum prefix lengths. */
    public RangeSettings(
            Provider provider,
            List<URI> urls,
            boolean chinaNetwork,
            String cloudFrontService,
            double maxShrink,
            Path cacheDir,
            Duration staleAfter,
            Duration fetchTimeout) {
        this(
                provider,
                urls,
                chinaNetwork,
                cloudFrontService,
                maxShrink,
                cacheDir,
                staleAfter,
                fetchTimeout,
                RangeValidator.DEFAULT_MIN_PREFIX_IPV4,
                RangeValidator.DEFAULT_MIN_PREFIX_IPV6);
    }

    public RangeSettings {
        urls = List.copyOf(urls.isEmpty() ? provider.defaultUrls(chinaNetwork) : urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(
                    "provider " + provider.label() + " has no default URL, configure at least one");
        }
    }
}
