package io.originwatch.edge.ranges;

import io.originwatch.edge.cidr.Cidrs;
import java.util.ArrayList;
import java.util.List;

/**
 * One CIDR per line: Cloudflare's text lists ({@code ips-v4}, {@code ips-v6}) and any custom URL.
 * Blank lines and {@code #} comments are skipped; anything else must look like a CIDR, so an HTML
 * error page fails on its first line instead of ending up in a firewall.
 */
public record LineListParser() implements RangeParser {

    @Override
    public ParsedList parse(String body) throws RangeParseException {
        if (body == null || body.isBlank()) {
            throw new RangeParseException("empty body");
        }
        List<String> out = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.matches("[0-9A-Fa-f:./]+")) {
                throw new RangeParseException("line " + (i + 1) + ": not a CIDR: '" + Cidrs.excerpt(line) + "'");
            }
            out.add(line);
        }
        return new ParsedList(out, null);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
