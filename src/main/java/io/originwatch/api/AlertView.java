package io.originwatch.api;

import io.originwatch.alert.ActiveAlert;
import io.originwatch.alert.AlertTexts;
import java.util.Map;

/** One active alert as {@code GET /api/alerts} shows it. Times are ISO-8601. */
public record AlertView(
        String alertname,
        String origin,
        String cause,
        int edgeStatus,
        String severity,
        String detail,
        String startsAt,
        String probedAt,
        Map<String, String> labels,
        String url,
        String runbookUrl) {

    public static AlertView of(ActiveAlert a, AlertTexts texts) {
        return new AlertView(
                AlertTexts.alertName(a.cause()),
                a.origin(),
                a.cause().label(),
                a.edgeStatus(),
                a.severity(),
                a.detail(),
                a.startsAt().toString(),
                a.probedAt().toString(),
                a.originLabels(),
                texts.originUrl(a.origin()),
                texts.runbookUrl(a.cause()));
    }
}
