package io.originwatch.origin;

/** A probe of that origin is already running; at most one runs per origin. */
public final class ProbeInFlightException extends RuntimeException {

    public ProbeInFlightException(String name) {
        super("a probe of \"" + name + "\" is already in flight; retry when it ends", null, false, false);
    }
}
