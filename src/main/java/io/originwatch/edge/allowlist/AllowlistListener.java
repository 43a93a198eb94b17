package io.originwatch.edge.allowlist;

/** Observes allowlist checks; called synchronously, must be fast and must not throw. */
public interface AllowlistListener {

    AllowlistListener NONE = new AllowlistListener() {};

    /** Called once per allowlist per check, with the fresh status. */
    default void checked(AllowlistStatus status) {}
}
