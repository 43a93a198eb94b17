package io.originwatch.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Posts to one Alertmanager's {@code /api/v2/alerts}. A firing alert gets {@code endsAt} =
 * delivery time + {@code ttl}, so Alertmanager resolves it by itself if originwatch disappears; the
 * dispatcher re-posts active alerts well before that. A resolution posts {@code endsAt} = the
 * recovery time, and alerts superseded by a cause change are ended in the same request.
 */
public final class AlertmanagerSink implements AlertSink {

    /** How long Alertmanager keeps an alert that is not re-posted (4 x the default resend interval). */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(4);

    private final String name;
    private final URI alertsUrl;
    private final HttpClient client;
    private final AlertTexts texts;
    private final Map<String, String> extraLabels;
    private final Duration ttl;
    private final Function<Object, String> json;
    private final Clock clock;
    private final Duration timeout;

    public AlertmanagerSink(
            String name,
            URI baseUrl,
            HttpClient client,
            AlertTexts texts,
            Map<String, String> extraLabels,
            Duration ttl,
            Function<Object, String> json,
            Clock clock) {
        this(name, baseUrl, client, texts, extraLabels, ttl, json, clock, HttpDelivery.DEFAULT_TIMEOUT);
    }

    /** @param timeout total deadline of one attempt, the answer's body included */
    public AlertmanagerSink(
            String name,
            URI baseUrl,
            HttpClient client,
            AlertTexts texts,
            Map<String, String> extraLabels,
            Duration ttl,
            Function<Object, String> json,
            Clock clock,
            Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.name = Objects.requireNonNull(name, "name");
        String base = baseUrl.toString();
        this.alertsUrl =
                URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v2/alerts");
        this.client = Objects.requireNonNull(client, "client");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.extraLabels = Map.copyOf(extraLabels);
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean resendsActive() {
        return true;
    }

    public URI alertsUrl() {
        return alertsUrl;
    }

    @Override
    public void deliver(Notification n) throws DeliveryException {
        HttpDelivery.post(client, alertsUrl, json.apply(body(n)).getBytes(StandardCharsets.UTF_8), Map.of(), timeout);
    }

    /** The request body for {@code n}: superseded alerts ended, then the alert itself. */
    public List<AlertmanagerAlert> body(Notification n) {
        List<AlertmanagerAlert> alerts = new ArrayList<>();
        for (ActiveAlert old : n.superseded()) {
            alerts.add(toAlertmanager(old, n.at()));
        }
        Instant endsAt = n.state() == Notification.State.RESOLVED
                ? n.at()
                : clock.instant().plus(ttl);
        alerts.add(toAlertmanager(n.alert(), endsAt));
        return alerts;
    }

    private AlertmanagerAlert toAlertmanager(ActiveAlert a, Instant endsAt) {
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        labels.put("alertname", AlertTexts.alertName(a.cause()));
        labels.put("origin", a.origin());
        labels.put("cause", a.cause().label());
        labels.put("edge_status", Integer.toString(a.edgeStatus()));
        labels.put("severity", a.severity());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", texts.summary(a));
        annotations.put("description", texts.description(a));
        annotations.put("runbook_url", texts.runbookUrl(a.cause()));
        // Alertmanager rejects endsAt before startsAt; a superseded alert ends no earlier than it began
        Instant ends = endsAt.isBefore(a.startsAt()) ? a.startsAt() : endsAt;
        return new AlertmanagerAlert(
                labels, annotations, a.startsAt().toString(), ends.toString(), texts.originUrl(a.origin()));
    }
}
