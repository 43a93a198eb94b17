package io.originwatch.cluster;

/**
 * A task sent to another member (a forwarded probe or refresh) got no usable answer: the owner did
 * not answer in time ({@link #timedOut()}), left, or failed. The message names the owner.
 */
public final class OwnerUnavailableException extends RuntimeException {

    private final String owner;
    private final boolean timedOut;

    public OwnerUnavailableException(String owner, String message, boolean timedOut) {
        super(message);
        this.owner = owner;
        this.timedOut = timedOut;
    }

    /** The owner asked, as {@code host:port}. */
    public String owner() {
        return owner;
    }

    /** True when the owner did not answer within the deadline (else it failed or left). */
    public boolean timedOut() {
        return timedOut;
    }
}
