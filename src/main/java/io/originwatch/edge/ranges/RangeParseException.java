package io.originwatch.edge.ranges;

/** A fetched range list that is not in the provider's format; the message says what and where. */
public final class RangeParseException extends Exception {

    public RangeParseException(String message) {
        super(message);
    }
}
