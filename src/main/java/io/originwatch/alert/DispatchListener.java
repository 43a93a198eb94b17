package io.originwatch.alert;

/**
 * Observes deliveries (metrics subscribe here; the alert package never touches Micrometer). Called
 * on sender threads and from {@code submit}; must be fast and never throw. Every method has an
 * empty default.
 */
public interface DispatchListener {

    DispatchListener NONE = new DispatchListener() {};

    /** The sink accepted the notification. */
    default void sent(String sink, Notification notification) {}

    /** One attempt failed retryably; the notification stays queued and is retried after a backoff. */
    default void failed(String sink, Notification notification, DeliveryException error) {}

    /** The sink refused the notification for good (e.g. 400); it is dropped. */
    default void rejected(String sink, Notification notification, DeliveryException error) {}

    /** The queue was full and this notification was dropped to make room. */
    default void dropped(String sink, Notification notification) {}
}
