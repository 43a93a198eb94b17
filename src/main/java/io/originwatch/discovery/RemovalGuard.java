package io.originwatch.discovery;

/**
 * The mass-removal guard of a discovery result: a result that would remove more than half of the
 * origins the source had discovered before is refused (a token that lost a zone's permission, or a
 * half-answered API, must not silently stop most of the probing) unless the configuration allows it.
 */
public final class RemovalGuard {

    private RemovalGuard() {}

    /** True when removing {@code removed} of {@code previous} discovered origins must be refused. */
    public static boolean refuses(int previous, int removed, boolean allowMassRemoval) {
        return !allowMassRemoval && previous > 0 && removed * 2 > previous;
    }
}
