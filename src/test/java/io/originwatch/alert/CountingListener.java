package io.originwatch.alert;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts delivery outcomes per result, as the metrics binding does per sink. */
final class CountingListener implements DispatchListener {

    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    int count(String result) {
        return counts.getOrDefault(result, new AtomicInteger()).get();
    }

    private void inc(String result) {
        counts.computeIfAbsent(result, r -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void sent(String sink, Notification n) {
        inc("sent");
    }

    @Override
    public void failed(String sink, Notification n, DeliveryException e) {
        inc("failed");
    }

    @Override
    public void rejected(String sink, Notification n, DeliveryException e) {
        inc("rejected");
    }

    @Override
    public void dropped(String sink, Notification n) {
        inc("dropped");
    }
}
