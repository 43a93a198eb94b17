package io.originwatch.alert;

import java.util.Map;

/** One element of Alertmanager's {@code POST /api/v2/alerts} body (times as RFC 3339). */
public record AlertmanagerAlert(
        Map<String, String> labels,
        Map<String, String> annotations,
        String startsAt,
        String endsAt,
        String generatorURL) {}
