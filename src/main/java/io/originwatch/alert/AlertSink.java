package io.originwatch.alert;

/** One receiver of alert notifications. Called from its own sender thread only, never from probing. */
public interface AlertSink {

    /** Metric label and log name, e.g. {@code alertmanager-0}, {@code webhook-1}. */
    String name();

    /** Delivers one notification or explains why not; may block up to its own timeout. */
    void deliver(Notification notification) throws DeliveryException;

    /** True for receivers that expire alerts unless they are re-posted (Alertmanager's endsAt). */
    default boolean resendsActive() {
        return false;
    }
}
