package io.originwatch.edge.ranges;

import java.util.List;

/**
 * What a provider parser read from one response: the raw entries (not yet validated) and the
 * list's own version marker if it has one (Cloudflare's {@code etag}, CloudFront's {@code syncToken}).
 */
public record ParsedList(List<String> entries, String version) {

    public ParsedList {
        entries = List.copyOf(entries);
    }
}
