package io.originwatch.edge.ranges;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The CDNs whose published ranges we know how to read, with their default list URLs. */
public enum Provider {
    CLOUDFLARE,
    FASTLY,
    CLOUDFRONT,
    CUSTOM;

    static final String CLOUDFLARE_API = "https://api.cloudflare.com/client/v4/ips";

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Provider fromLabel(String label) {
        for (Provider p : values()) {
            if (p.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + label + "' (cloudflare|fastly|cloudfront|custom)");
    }

    /** The URLs used when none are configured; custom has none and must be configured. */
    public List<URI> defaultUrls(boolean chinaNetwork) {
        return switch (this) {
            case CLOUDFLARE ->
                List.of(URI.create(chinaNetwork ? CLOUDFLARE_API + "?networks=jdcloud" : CLOUDFLARE_API));
            case FASTLY -> List.of(URI.create("https://api.fastly.com/public-ip-list"));
            case CLOUDFRONT -> List.of(URI.create("https://ip-ranges.amazonaws.com/ip-ranges.json"));
            case CUSTOM -> List.of();
        };
    }

    /**
     * The parser for one URL of this provider. Cloudflare publishes two formats: the API (JSON) and
     * the text lists {@code /ips-v4} and {@code /ips-v6}; the URL path tells which one was configured.
     * JSON formats are read through {@code codec}.
     */
    public RangeParser parserFor(URI url, boolean chinaNetwork, String cloudFrontService, JsonCodec codec) {
        return switch (this) {
            case CLOUDFLARE -> isTextList(url) ? new LineListParser() : new CloudflareJsonParser(codec, chinaNetwork);
            case FASTLY -> new FastlyJsonParser(codec);
            case CLOUDFRONT -> new CloudFrontJsonParser(codec, cloudFrontService);
            case CUSTOM -> new LineListParser();
        };
    }

    private static boolean isTextList(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.endsWith("/ips-v4") || path.endsWith("/ips-v6") || path.endsWith(".txt");
    }
}
