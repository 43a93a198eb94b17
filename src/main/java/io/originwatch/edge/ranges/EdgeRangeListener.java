package io.originwatch.edge.ranges;

/**
 * Observes the range service; metrics subscribe here so the service never calls a metrics library.
 * Methods are called synchronously, must be fast and must not throw. Every refresh produces exactly
 * one {@link #refreshed} call.
 */
public interface EdgeRangeListener {

    EdgeRangeListener NONE = new EdgeRangeListener() {};

    /** A list came into force at start-up: from the cache or from the built-in snapshot. */
    default void loaded(EdgeRanges ranges) {}

    /** One refresh finished with this outcome. */
    default void refreshed(String provider, RefreshOutcome outcome) {}
}
