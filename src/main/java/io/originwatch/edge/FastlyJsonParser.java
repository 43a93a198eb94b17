package io.originwatch.edge;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Fastly's {@code /public-ip-list}: {@code {"addresses":[..],"ipv6_addresses":[..]}}; no version marker. */
public record FastlyJsonParser() implements RangeParser {

    @Override
    public ParsedList parse(String body) throws RangeParseException {
        JsonNode root = Json.read(body, "fastly");
        List<String> entries = new ArrayList<>(Json.strings(root, "addresses", "$"));
        entries.addAll(Json.strings(root, "ipv6_addresses", "$"));
        return new ParsedList(entries, null);
    }
}
