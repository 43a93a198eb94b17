package io.originwatch.origin;

/** Fired synchronously (CDI) when an origin is removed from the configuration; no probe of it follows. */
public record OriginRemoved(String origin) {}
