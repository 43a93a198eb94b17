package io.originwatch.edge.ranges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fastly's {@code /public-ip-list}: {@code {"addresses":[..],"ipv6_addresses":[..]}}; no version marker. */
public record FastlyJsonParser(JsonCodec codec) implements RangeParser {

    @Override
    public ParsedList parse(String body) throws RangeParseException {
        Map<?, ?> root = Json.read(codec, body, "fastly");
        List<String> entries = new ArrayList<>(Json.strings(codec, root, "addresses", "$"));
        entries.addAll(Json.strings(codec, root, "ipv6_addresses", "$"));
        return new ParsedList(entries, null);
    }
}
