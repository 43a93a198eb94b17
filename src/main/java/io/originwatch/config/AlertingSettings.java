package io.originwatch.config;

import io.originwatch.alert.AlertPolicy;
import io.originwatch.alert.AlertTexts;
import io.originwatch.alert.Backoff;
import io.originwatch.alert.Thresholds;
import io.originwatch.classify.Cause;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AlertingConfig} as domain objects, checked as a whole: every error names its key and value
 * and goes to the caller's {@link ConfigError} list, so the daemon reports them with every other
 * area's ({@link SettingsLoader#load()}).
 */
public record AlertingSettings(
        boolean enabled,
        AlertPolicy policy,
        AlertTexts texts,
        List<URI> alertmanagers,
        Map<String, String> alertmanagerLabels,
        Duration resendInterval,
        Duration alertTtl,
        List<WebhookTarget> webhooks,
        int queueCapacity,
        Backoff backoff) {

    /** One configured webhook. */
    public record WebhookTarget(URI url, String secret, Map<String, String> headers) {}

    private static final String P = "originwatch.alerting.";

    /** No sinks, default policy: what runs while an invalid configuration makes the daemon exit. */
    public static AlertingSettings disabled() {
        return new AlertingSettings(
                false,
                AlertPolicy.DEFAULT,
                new AlertTexts(URI.create("http://localhost:8080"), AlertTexts.DEFAULT_RUNBOOK_BASE_URL),
                List.of(),
                Map.of(),
                Duration.ofMinutes(1),
                Duration.ofMinutes(4),
                List.of(),
                1,
                Backoff.DEFAULT);
    }

    /**
     * The settings; with any error (each added to {@code errors}) the {@link #disabled()} ones, so
     * nothing is sent while the daemon refuses to start.
     */
    public static AlertingSettings from(AlertingConfig c, List<ConfigError> errors) {
        int before = errors.size();
        Thresholds defaults = thresholds(c.failureThreshold(), c.successThreshold(), P, errors);
        Map<String, Thresholds> perOrigin = new HashMap<>();
        c.origins()
                .forEach((name, o) -> perOrigin.put(
                        name,
                        thresholds(
                                o.failureThreshold().orElse(defaults.failures()),
                                o.successThreshold().orElse(defaults.successes()),
                                P + "origins." + name + ".",
                                errors)));
        Map<Cause, String> severity = new HashMap<>();
        c.severity().forEach((label, value) -> cause(label, errors).ifPresent(cause -> severity.put(cause, value)));
        URI external = url(c.externalUrl(), P + "external-url", errors);
        List<URI> alertmanagers = new ArrayList<>();
        List<String> amUrls = c.alertmanager().urls().orElse(List.of());
        for (int i = 0; i < amUrls.size(); i++) {
            alertmanagers.add(url(amUrls.get(i), P + "alertmanager.urls[" + i + "]", errors));
        }
        List<WebhookTarget> webhooks = new ArrayList<>();
        List<AlertingConfig.Webhook> hooks = c.webhooks().orElse(List.of());
        for (int i = 0; i < hooks.size(); i++) {
            AlertingConfig.Webhook h = hooks.get(i);
            webhooks.add(new WebhookTarget(
                    url(h.url(), P + "webhooks[" + i + "].url", errors),
                    h.secret().orElse(null),
                    h.headers()));
        }
        positive(c.alertmanager().resendInterval(), P + "alertmanager.resend-interval", errors);
        if (c.alertmanager()
                        .alertTtl()
                        .compareTo(c.alertmanager().resendInterval().multipliedBy(2))
                < 0) {
            errors.add(new ConfigError(
                    P + "alertmanager.alert-ttl",
                    "must be at least twice resend-interval ("
                            + c.alertmanager().resendInterval() + "), got "
                            + c.alertmanager().alertTtl()));
        }
        if (c.queueCapacity() < 1) {
            errors.add(new ConfigError(P + "queue-capacity", "must be at least 1, got " + c.queueCapacity()));
        }
        positive(c.retryInitialDelay(), P + "retry-initial-delay", errors);
        if (c.retryMaxDelay().compareTo(c.retryInitialDelay()) < 0) {
            errors.add(new ConfigError(
                    P + "retry-max-delay", "must not be below retry-initial-delay, got " + c.retryMaxDelay()));
        }
        if (errors.size() > before) {
            return disabled();
        }
        return new AlertingSettings(
                c.enabled(),
                new AlertPolicy(defaults, perOrigin, severity),
                new AlertTexts(external, c.runbookBaseUrl()),
                alertmanagers,
                c.labels(),
                c.alertmanager().resendInterval(),
                c.alertmanager().alertTtl(),
                webhooks,
                c.queueCapacity(),
                new Backoff(c.retryInitialDelay(), c.retryMaxDelay()));
    }

    private static Thresholds thresholds(int failures, int successes, String prefix, List<ConfigError> errors) {
        if (failures < 1) {
            errors.add(new ConfigError(prefix + "failure-threshold", "must be at least 1, got " + failures));
        }
        if (successes < 1) {
            errors.add(new ConfigError(prefix + "success-threshold", "must be at least 1, got " + successes));
        }
        return new Thresholds(Math.max(failures, 1), Math.max(successes, 1));
    }

    private static Optional<Cause> cause(String label, List<ConfigError> errors) {
        try {
            Cause cause = Cause.valueOf(label.toUpperCase(Locale.ROOT));
            if (cause != Cause.OK && cause != Cause.PROBE_ERROR) {
                return Optional.of(cause);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new ConfigError(
                P + "severity." + label,
                "unknown cause \"" + label + "\"; known: "
                        + Arrays.stream(Cause.values())
                                .filter(x -> x != Cause.OK && x != Cause.PROBE_ERROR)
                                .map(Cause::label)
                                .toList()));
        return Optional.empty();
    }

    private static URI url(String text, String key, List<ConfigError> errors) {
        try {
            URI uri = URI.create(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new ConfigError(key, "must be an http or https URL with a host, got \"" + text + "\""));
        return URI.create("http://invalid");
    }

    private static void positive(Duration d, String key, List<ConfigError> errors) {
        if (d.isNegative() || d.isZero()) {
            errors.add(new ConfigError(key, "must be positive, got " + d));
        }
    }
}
