package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.testing.ProbeBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** SIGTERM: what is pending is delivered within the grace period, or counted as dropped. */
class ShutdownDrainTest {

    private static final Instant T0 = Instant.parse("2026-11-23T20:00:00Z");
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));

    private static void fire(AlertDispatcher d, String... origins) {
        for (String o : origins) {
            d.probeCompleted(o, Map.of(), ProbeBuilder.verdict(o, Cause.CONNECTION_RESET, T0));
            d.probeCompleted(o, Map.of(), ProbeBuilder.verdict(o, Cause.CONNECTION_RESET, T0.plusSeconds(30)));
        }
    }

    @Test
    void pendingNotificationsOfASlowReceiverAreDeliveredWithinTheGracePeriod() throws Exception {
        CountDownLatch open = new CountDownLatch(1);
        List<Notification> sent = new CopyOnWriteArrayList<>();
        AlertSink slow = new AlertSink() {
            @Override
            public String name() {
                return "webhook-0";
            }

            @Override
            public void deliver(Notification n) throws DeliveryException {
                try {
                    open.await(); // the receiver is slow until the shutdown begins
                } catch (InterruptedException e) {
                    throw new DeliveryException("interrupted", true);
                }
                sent.add(n);
            }
        };
        AlertDispatcher d = new AlertDispatcher(
                AlertPolicy.DEFAULT,
                List.of(new SinkWorker(slow, 100, FAST, new CountingListener())),
                Clock.systemUTC(),
                Duration.ofHours(1));
        d.start();
        fire(d, "a", "b", "c");
        Thread.ofVirtual().start(open::countDown);
        int dropped = d.close(Duration.ofSeconds(10));
        assertThat(dropped).isZero();
        assertThat(sent).extracting(Notification::key).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void whatADownReceiverCouldNotTakeIsCountedAsDropped() {
        CountingListener listener = new CountingListener();
        AlertSink down = new AlertSink() {
            @Override
            public String name() {
                return "webhook-0";
            }

            @Override
            public void deliver(Notification n) throws DeliveryException {
                throw new DeliveryException("POST http://127.0.0.1:9: connection refused", true);
            }
        };
        AlertDispatcher d = new AlertDispatcher(
                AlertPolicy.DEFAULT,
                List.of(new SinkWorker(down, 100, FAST, listener)),
                Clock.systemUTC(),
                Duration.ofHours(1));
        d.start();
        fire(d, "a", "b", "c");
        long started = System.nanoTime();
        int dropped = d.close(Duration.ofMillis(300));
        assertThat(dropped).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the grace period bounds the wait")
                .isLessThan(Duration.ofSeconds(6));
    }
}
