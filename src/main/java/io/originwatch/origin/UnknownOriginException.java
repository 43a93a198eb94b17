package io.originwatch.origin;

/** No origin of that name is configured. */
public final class UnknownOriginException extends RuntimeException {

    public UnknownOriginException(String name) {
        super("no origin named \"" + name + "\" is configured", null, false, false);
    }
}
