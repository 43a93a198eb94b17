package io.originwatch.edge.ranges;

/** Turns one response body of a provider's range list into raw entries. One implementation per format. */
@FunctionalInterface
public interface RangeParser {

    ParsedList parse(String body) throws RangeParseException;
}
