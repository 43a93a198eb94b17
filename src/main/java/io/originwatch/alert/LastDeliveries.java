package io.originwatch.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last delivery outcome per sink (sent, failed, rejected or dropped), for the console's alerts
 * page. A {@link DispatchListener} beside the metrics one: one map write per delivery, never throws.
 */
public final class LastDeliveries implements DispatchListener {

    /** What happened to the last notification handed to a sink, and to which origin it was about. */
    public record Delivery(Instant at, String result, String origin, String state, String error) {}

    private final Map<String, Delivery> bySink = new ConcurrentHashMap<>();
    private final Clock clock;

    public LastDeliveries(Clock clock) {
        this.clock = clock;
    }

    public Optional<Delivery> last(String sink) {
        return Optional.ofNullable(bySink.get(sink));
    }

    @Override
    public void sent(String sink, Notification n) {
        record(sink, "sent", n, null);
    }

    @Override
    public void failed(String sink, Notification n, DeliveryException error) {
        record(sink, "failed", n, error.getMessage());
    }

    @Override
    public void rejected(String sink, Notification n, DeliveryException error) {
        record(sink, "rejected", n, error.getMessage());
    }

    @Override
    public void dropped(String sink, Notification n) {
        record(sink, "dropped", n, "queue full");
    }

    private void record(String sink, String result, Notification n, String error) {
        bySink.put(
                sink, new Delivery(clock.instant(), result, n.key(), n.state().label(), error));
    }

    /** Both listeners, in order; each is called even if the other misbehaves. */
    public static DispatchListener both(DispatchListener first, DispatchListener second) {
        return new DispatchListener() {
            @Override
            public void sent(String sink, Notification n) {
                first.sent(sink, n);
                second.sent(sink, n);
            }

            @Override
            public void failed(String sink, Notification n, DeliveryException e) {
                first.failed(sink, n, e);
                second.failed(sink, n, e);
            }

            @Override
            public void rejected(String sink, Notification n, DeliveryException e) {
                first.rejected(sink, n, e);
                second.rejected(sink, n, e);
            }

            @Override
            public void dropped(String sink, Notification n) {
                first.dropped(sink, n);
                second.dropped(sink, n);
            }
        };
    }
}
