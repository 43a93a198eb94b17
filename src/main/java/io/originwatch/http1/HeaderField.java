package io.originwatch.http1;

/** One header field as received: name case preserved, value with surrounding whitespace trimmed. */
public record HeaderField(String name, String value) implements java.io.Serializable {}
