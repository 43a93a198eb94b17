package io.originwatch.edge.ranges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS {@code ip-ranges.json}: {@code prefixes[].ip_prefix} and {@code ipv6_prefixes[].ipv6_prefix},
 * each tagged with a {@code service}; only entries of the configured service count (CLOUDFRONT, or
 * CLOUDFRONT_ORIGIN_FACING, the subset that actually connects to origins). {@code syncToken} is the
 * version marker.
 */
public record CloudFrontJsonParser(JsonCodec codec, String service) implements RangeParser {

    public static final String DEFAULT_SERVICE = "CLOUDFRONT_ORIGIN_FACING";

    @Override
    public ParsedList parse(String body) throws RangeParseException {
        Map<?, ?> root = Json.read(codec, body, "cloudfront");
        List<String> entries = new ArrayList<>(select(root, "prefixes", "ip_prefix"));
        entries.addAll(select(root, "ipv6_prefixes", "ipv6_prefix"));
        return new ParsedList(entries, Json.text(root, "syncToken"));
    }

    private List<String> select(Map<?, ?> root, String field, String key) throws RangeParseException {
        if (!(root.get(field) instanceof List<?> arr)) {
            throw new RangeParseException("cloudfront: " + field + " missing or not an array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            Object p = arr.get(i);
            if (service.equals(Json.text(p, "service"))) {
                String prefix = Json.text(p, key);
                if (prefix == null) {
                    throw new RangeParseException("cloudfront: " + field + "[" + i + "]." + key + " missing");
                }
                out.add(prefix);
            }
        }
        return out;
    }
}
