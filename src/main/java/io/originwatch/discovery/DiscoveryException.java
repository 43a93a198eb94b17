package io.originwatch.discovery;

/**
 * A source could not produce a complete result (the API refused, failed, or answered something that
 * is not its documented shape). The message names what failed and never carries a credential.
 */
public final class DiscoveryException extends Exception {

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
