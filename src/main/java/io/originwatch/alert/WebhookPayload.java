package io.originwatch.alert;

import java.util.List;
import java.util.Map;

/**
 * The JSON body a webhook receives for one origin's alert.
 *
 * @param status        {@code firing} or {@code resolved}
 * @param alertname     the matching Prometheus rule's name
 * @param previousCauses causes this alert had before a change while firing (oldest first), else empty
 * @param timings       phase durations in milliseconds of the latest bad probe (absent phases omitted)
 * @param probedAt      start of the latest bad probe (ISO-8601)
 * @param startsAt      start of the first bad probe of the run (ISO-8601)
 * @param endsAt        recovery time for resolved, null while firing
 * @param url           the origin's console page ({@code <external-url>/ui/origins/<name>#verdict})
 */
public record WebhookPayload(
        String status,
        String alertname,
        String origin,
        String cause,
        List<String> previousCauses,
        int edgeStatus,
        String severity,
        String detail,
        Map<String, Long> timings,
        String probedAt,
        String startsAt,
        String endsAt,
        Map<String, String> labels,
        String url,
        String runbookUrl) {}
