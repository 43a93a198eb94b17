package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * {@code originwatch.edge.*}: where the CDN's published ranges come from and how they are kept.
 * Values are kept as text and converted, with errors naming their keys, by {@link EdgeSettings}.
 */
@ConfigMapping(prefix = "originwatch.edge")
public interface EdgeConfig {

    /** Fetch and check at all; false keeps the cached/built-in list and never touches the network. */
    @WithDefault("true")
    String enabled();

    /** cloudflare, fastly, cloudfront or custom. */
    @WithDefault("cloudflare")
    String provider();

    /** List URLs; default per provider (custom has none and must set this). */
    Optional<List<String>> urls();

    /** How often the ranges are refreshed (also the schedule of the refresh job); above 0. */
    @WithDefault("6h")
    String refresh();

    /** Where the last good list is kept across restarts. */
    @WithDefault("${user.home}/.cache/originwatch/edge")
    String cacheDir();

    /** Largest share of a family's addresses one refresh may drop unless forced (0..1). */
    @WithDefault("0.3")
    String maxShrink();

    /** Cloudflare only: add the China network (JD Cloud) ranges, {@code ?networks=jdcloud}. */
    @WithDefault("false")
    String chinaNetwork();

    /** CloudFront only: CLOUDFRONT_ORIGIN_FACING (what connects to origins) or CLOUDFRONT. */
    @WithDefault("CLOUDFRONT_ORIGIN_FACING")
    String cloudfrontService();

    /** A list not confirmed by its source for this long is stale; default twice {@link #refresh()}. */
    Optional<String> staleAfter();

    /** Total deadline of one list fetch: connect, headers and body, same-host redirects included. */
    @WithDefault("30s")
    String fetchTimeout();

    /** Widest IPv4 prefix a fetched list may hold (1..32); wider entries reject the list. */
    @WithDefault("8")
    String minPrefixIpv4();

    /** Widest IPv6 prefix a fetched list may hold (1..128); wider entries reject the list. */
    @WithDefault("16")
    String minPrefixIpv6();

    /** How often allowlists are re-read (files only when changed) and drift recomputed; above 0. */
    @WithDefault("60s")
    String allowlistCheck();
}
