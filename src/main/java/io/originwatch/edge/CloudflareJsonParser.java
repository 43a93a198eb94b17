package io.originwatch.edge;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Cloudflare's API answer ({@code /client/v4/ips}): {@code {"success":true,"result":{"ipv4_cidrs":[..],
 * "ipv6_cidrs":[..],"etag":".."}}}. With {@code ?networks=jdcloud} the result also carries
 * {@code jdcloud_cidrs} (the China network), which is added when {@code includeChina} is set.
 */
public record CloudflareJsonParser(boolean includeChina) implements RangeParser {

    @Override
    public ParsedList parse(String body) throws RangeParseException {
        JsonNode root = Json.read(body, "cloudflare");
        JsonNode success = root.get("success");
        if (success != null && !success.asBoolean(false)) {
            throw new RangeParseException("cloudflare: success=false, errors=" + root.get("errors"));
        }
        JsonNode result = root.get("result");
        if (result == null || !result.isObject()) {
            throw new RangeParseException("cloudflare: result missing or not an object");
        }
        List<String> entries = new ArrayList<>(Json.strings(result, "ipv4_cidrs", "result"));
        entries.addAll(Json.strings(result, "ipv6_cidrs", "result"));
        if (includeChina) {
            entries.addAll(Json.strings(result, "jdcloud_cidrs", "result"));
        }
        return new ParsedList(entries, Json.text(result, "etag"));
    }
}
