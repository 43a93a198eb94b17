package io.originwatch.edge.allowlist;

import io.originwatch.edge.cidr.Cidrs;

/** An allowlist that cannot be read; the message names the source, the line and its text. */
public final class AllowlistParseException extends Exception {

    public AllowlistParseException(String message) {
        super(message);
    }

    public static AllowlistParseException at(String source, int line, String text, String reason) {
        return new AllowlistParseException(
                source + ":" + line + ": " + reason + ": '" + Cidrs.excerpt(text.strip()) + "'");
    }
}
