package io.originwatch.origin;

/**
 * Fired synchronously (CDI) when a reload takes an origin's {@code via-edge-url} away while the
 * origin itself stays: what observers keep about its via-edge probe (gauges, say) goes.
 *
 * @param origin the origin's name
 */
public record ViaEdgeDropped(String origin) {}
