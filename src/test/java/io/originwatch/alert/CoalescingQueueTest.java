package io.originwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.originwatch.probe.PhaseTimings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoalescingQueueTest {

    private static final Instant T0 = Instant.parse("2026-11-23T20:00:00Z");

    static ActiveAlert alert(String origin, Cause cause) {
        return new ActiveAlert(
                origin, Map.of(), cause, cause.fixedEdgeStatus(), "critical", "d", PhaseTimings.none(), T0, T0);
    }

    @Test
    void aNewerNotificationForTheSameOriginReplacesTheQueuedOneInPlace() throws Exception {
        CoalescingQueue q = new CoalescingQueue(10);
        q.offer(Notification.firing(alert("a", Cause.CONNECTION_RESET), T0));
        q.offer(Notification.firing(alert("b", Cause.CONNECTION_RESET), T0));
        CoalescingQueue.Offered offered =
                q.offer(Notification.resolved(alert("a", Cause.CONNECTION_RESET), T0.plusSeconds(60)));
        assertThat(offered.coalesced()).isTrue();
        assertThat(q.size()).isEqualTo(2);
        Notification head = q.awaitHead(Duration.ZERO).orElseThrow();
        assertThat(head.key()).isEqualTo("a");
        assertThat(head.state()).isEqualTo(Notification.State.RESOLVED);
        assertThat(head.superseded())
                .as("same identity: the resolution covers it")
                .isEmpty();
    }

    @Test
    void alertsOfAnotherIdentityStillOwedTravelWithTheNewestNotification() throws Exception {
        CoalescingQueue q = new CoalescingQueue(10);
        q.offer(Notification.firing(alert("a", Cause.CONNECTION_RESET), T0));
        q.offer(new Notification(
                Notification.State.FIRING,
                alert("a", Cause.EMPTY_RESPONSE),
                List.of(alert("a", Cause.CONNECTION_RESET)),
                T0));
        q.offer(new Notification(
                Notification.State.FIRING,
                alert("a", Cause.HEADERS_TOO_LARGE),
                List.of(alert("a", Cause.EMPTY_RESPONSE)),
                T0));
        Notification head = q.awaitHead(Duration.ZERO).orElseThrow();
        assertThat(head.alert().cause()).isEqualTo(Cause.HEADERS_TOO_LARGE);
        assertThat(head.superseded())
                .extracting(ActiveAlert::cause)
                .containsExactlyInAnyOrder(Cause.CONNECTION_RESET, Cause.EMPTY_RESPONSE);
    }

    @Test
    void aDeliveredNotificationIsRemovedOnlyIfNothingNewerArrived() throws Exception {
        CoalescingQueue q = new CoalescingQueue(10);
        Notification first = Notification.firing(alert("a", Cause.CONNECTION_RESET), T0);
        q.offer(first);
        Notification inFlight = q.awaitHead(Duration.ZERO).orElseThrow();
        q.offer(Notification.resolved(alert("a", Cause.CONNECTION_RESET), T0));
        assertThat(q.removeIfCurrent(inFlight)).isFalse();
        assertThat(q.awaitHead(Duration.ZERO).orElseThrow().state()).isEqualTo(Notification.State.RESOLVED);
    }

    @Test
    void aFullQueueDropsAResolvedNotificationBeforeAFiringOne() {
        CoalescingQueue q = new CoalescingQueue(2);
        q.offer(Notification.firing(alert("a", Cause.CONNECTION_RESET), T0));
        q.offer(Notification.resolved(alert("b", Cause.CONNECTION_RESET), T0));
        CoalescingQueue.Offered offered = q.offer(Notification.firing(alert("c", Cause.CONNECTION_RESET), T0));
        assertThat(offered.dropped()).map(Notification::key).contains("b");
        assertThat(q.size()).isEqualTo(2);
        CoalescingQueue.Offered again = q.offer(Notification.firing(alert("d", Cause.CONNECTION_RESET), T0));
        assertThat(again.dropped())
                .as("no resolved left: the oldest goes")
                .map(Notification::key)
                .contains("a");
    }

    @Test
    void aResendNeverOvertakesAPendingNotification() throws Exception {
        CoalescingQueue q = new CoalescingQueue(10);
        q.offer(Notification.resolved(alert("a", Cause.CONNECTION_RESET), T0));
        assertThat(q.offerIfAbsent(Notification.firing(alert("a", Cause.CONNECTION_RESET), T0)))
                .isFalse();
        assertThat(q.awaitHead(Duration.ZERO).orElseThrow().state()).isEqualTo(Notification.State.RESOLVED);
        assertThat(q.offerIfAbsent(Notification.firing(alert("b", Cause.CONNECTION_RESET), T0)))
                .isTrue();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        assertThat(List.of(b.delay(1), b.delay(2), b.delay(3), b.delay(4), b.delay(5), b.delay(64)))
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(1000));
    }
}
