package io.originwatch.ui;

import io.originwatch.api.AlertView;
import java.util.List;

/** What {@code /ui/alerts} shows: the API's active alerts, each with its origin page, and each sink's last delivery. */
public record AlertsPage(List<Alert> alerts, List<Sink> sinks) {

    /** An active alert and the console page it points at. */
    public record Alert(AlertView view, String page, String since) {}

    /** A sink, its queue and its last delivery ("none yet" before the first). */
    public record Sink(String name, int queueDepth, String lastDelivery, boolean lastOk) {}
}
