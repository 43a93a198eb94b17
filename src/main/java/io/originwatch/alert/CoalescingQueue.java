package io.originwatch.alert;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sink's pending notifications: at most one per origin (a newer one supersedes the queued one and
 * inherits what it still owed, see {@link Notification#supersede}), in order of first arrival,
 * bounded by {@code capacity} origins. Coalescing means a sink that was down receives each alert's
 * current state when it returns, not its history. When the queue is full of other origins, a
 * resolved notification is dropped first (a label-keyed receiver expires it by itself), then the
 * oldest one.
 */
final class CoalescingQueue {

    /** What {@link #offer} did; {@code dropped} is the notification evicted to make room, if any. */
    record Offered(boolean coalesced, Optional<Notification> dropped) {}

    private final int capacity;
    private final LinkedHashMap<String, Notification> pending = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition empty = lock.newCondition();

    CoalescingQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    Offered offer(Notification n) {
        lock.lock();
        try {
            Notification queued = pending.get(n.key());
            if (queued != null) {
                pending.put(n.key(), n.supersede(queued));
                return new Offered(true, Optional.empty());
            }
            Optional<Notification> dropped = pending.size() >= capacity ? Optional.of(evict()) : Optional.empty();
            pending.put(n.key(), n);
            notEmpty.signalAll();
            return new Offered(false, dropped);
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code n} only if nothing is pending for its origin (a pending one is as new or newer). */
    boolean offerIfAbsent(Notification n) {
        lock.lock();
        try {
            if (pending.containsKey(n.key()) || pending.size() >= capacity) {
                return false;
            }
            pending.put(n.key(), n);
            notEmpty.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest pending notification, left in place, or empty after {@code timeout}. */
    Optional<Notification> awaitHead(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (pending.isEmpty() && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            return pending.isEmpty()
                    ? Optional.empty()
                    : Optional.of(pending.firstEntry().getValue());
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code n} once delivered, unless a newer notification superseded it meanwhile. */
    boolean removeIfCurrent(Notification n) {
        lock.lock();
        try {
            boolean removed = pending.remove(n.key(), n);
            if (pending.isEmpty()) {
                empty.signalAll();
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is pending or {@code timeout} passed; true when empty. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending.isEmpty() && nanos > 0) {
                nanos = empty.awaitNanos(nanos);
            }
            return pending.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    private Notification evict() {
        Iterator<Notification> it = pending.values().iterator();
        while (it.hasNext()) {
            Notification n = it.next();
            if (n.state() == Notification.State.RESOLVED) {
                it.remove();
                return n;
            }
        }
        return pending.pollFirstEntry().getValue();
    }
}
