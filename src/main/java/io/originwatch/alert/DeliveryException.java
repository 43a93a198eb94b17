package io.originwatch.alert;

/**
 * A sink could not deliver a notification. {@code retryable} failures (network errors, timeouts,
 * 5xx, 408, 429) are retried with backoff; the others (other 4xx: the receiver will never accept
 * this body) drop the notification.
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public DeliveryException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
