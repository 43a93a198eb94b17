package io.originwatch.alert;

/**
 * A sink could not deliver a notification, and what to do about it ({@link Kind}). The message names
 * the receiver by scheme, host and port only, never its path or query (see {@link HttpDelivery}).
 */
public final class DeliveryException extends Exception {

    /** What the sender does next. */
    public enum Kind {
        /** Network errors, the total deadline, 5xx, 408, 429: retried with backoff until delivered. */
        RETRY,
        /**
         * 401, 403, 404: typical of a receiver being redeployed (its route or credentials not there
         * yet); retried with backoff, but at most {@link SinkWorker#CLIENT_ERROR_ATTEMPTS} attempts.
         */
        CLIENT_ERROR_RETRY,
        /** Other 4xx: the receiver will never accept this body; the notification is dropped. */
        DROP
    }

    private final Kind kind;

    public DeliveryException(String message, Kind kind) {
        super(message);
        this.kind = kind;
    }

    public DeliveryException(String message, boolean retryable) {
        this(message, retryable ? Kind.RETRY : Kind.DROP);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether another attempt may succeed (true for the bounded client-error retries too). */
    public boolean retryable() {
        return kind != Kind.DROP;
    }
}
