package io.originwatch.edge.ranges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cloudflare's API answer ({@code /client/v4/ips}): {@code {"success":true,"result":{"ipv4_cidrs":[..],
 * "ipv6_cidrs":[..],"etag":".."}}}. With {@code ?networks=jdcloud} the result also carries
 * {@code jdcloud_cidrs} (the China network), which is added when {@code includeChina} is set.
 */
public record CloudflareJsonParser(JsonCodec codec, boolean includeChina) implements RangeParser {

    @Override
    public ParsedList parse(String body) throws RangeParseException {
        Map<?, ?> root = Json.read(codec, body, "cloudflare");
        if (root.containsKey("success") && !isTrue(root.get("success"))) {
            throw new RangeParseException("cloudflare: success=false, errors=" + codec.write(root.get("errors")));
        }
        if (!(root.get("result") instanceof Map<?, ?> result)) {
            throw new RangeParseException("cloudflare: result missing or not an object");
        }
        List<String> entries = new ArrayList<>(Json.strings(codec, result, "ipv4_cidrs", "result"));
        entries.addAll(Json.strings(codec, result, "ipv6_cidrs", "result"));
        if (includeChina) {
            entries.addAll(Json.strings(codec, result, "jdcloud_cidrs", "result"));
        }
        return new ParsedList(entries, Json.text(result, "etag"));
    }

    /** Lenient like the API's own clients: true, "true" or a non-zero number; null or anything else is false. */
    private static boolean isTrue(Object success) {
        return switch (success) {
            case Boolean b -> b;
            case String s -> s.strip().equals("true");
            case Number n -> n.doubleValue() != 0;
            case null, default -> false;
        };
    }
}
