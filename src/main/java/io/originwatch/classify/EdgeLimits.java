package io.originwatch.classify;

import java.time.Duration;

/**
 * The edge's limits, in one place. Sources, as of 2026-11:
 * <ul>
 * <li>header section 8192 bytes: the 520 troubleshooting article our users work from ("Headers that
 * exceed Cloudflare's header size limit (8kb)"). Cloudflare's 2026 docs state 128 KB for the whole
 * request/response header block, and nginx-based proxies in front of origins often cut at 4-8 KB:
 * pick the smallest limit on the path (see the configuration reference).</li>
 * <li>connect timeout 19 s and response timeout 125 s: Cloudflare's current documented values for
 * 522 and 524 (older docs said 15 s and 100 s).</li>
 * </ul>
 */
public final class EdgeLimits {

    public static final int DEFAULT_HEADER_LIMIT_BYTES = 8 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(19);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(125);
    public static final int DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

    /** headers_near_limit fires at or above this share of the limit. */
    public static final double HEADERS_NEAR_LIMIT_SHARE = 0.75;
    /** slow_response fires when ttfb is at or above this share of the response timeout. */
    public static final double SLOW_RESPONSE_SHARE = 0.50;
    /** certificate_expiring fires when the leaf expires within this window. */
    public static final Duration CERTIFICATE_EXPIRING_WITHIN = Duration.ofDays(14);

    private EdgeLimits() {}
}
