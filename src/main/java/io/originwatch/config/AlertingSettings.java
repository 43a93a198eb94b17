package io.originwatch.config;

import io.originwatch.alert.AlertPolicy;
import io.originwatch.alert.AlertTexts;
import io.originwatch.alert.Backoff;
import io.originwatch.alert.Thresholds;
import io.originwatch.classify.Cause;
import io.originwatch.probe.FileValue;
import java.net.URI;
import java.nio.file.Path;
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

    /**
     * One configured webhook.
     *
     * @param secret      the literal HMAC key, or null
     * @param secretFile  the file holding it ({@code secret-file}), or null
     * @param headerFiles request headers whose values come from files ({@code header-files})
     */
    public record WebhookTarget(
            URI url,
            String secret,
            Map<String, String> headers,
            FileValue secretFile,
            Map<String, FileValue> headerFiles) {

        public WebhookTarget {
            headers = Map.copyOf(headers);
            headerFiles = Map.copyOf(headerFiles);
        }

        /** The key in force now (a file's current content), or null for unsigned requests. */
        public String currentSecret() {
            return secretFile != null ? secretFile.current() : secret;
        }

        /** The request headers in force now: the literal ones and the files' current contents. */
        public Map<String, String> currentHeaders() {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            headerFiles.forEach((name, file) -> all.put(name, file.current()));
            return all;
        }
    }

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
        Boolean enabled = ConfigValues.bool(P + "enabled", c.enabled(), errors);
        Thresholds defaults = new Thresholds(
                threshold(P + "failure-threshold", Optional.of(c.failureThreshold()), 1, errors),
                threshold(P + "success-threshold", Optional.of(c.successThreshold()), 1, errors));
        Map<String, Thresholds> perOrigin = new HashMap<>();
        c.origins().forEach((name, o) -> {
            String prefix = P + "origins." + name + ".";
            perOrigin.put(
                    name,
                    new Thresholds(
                            threshold(prefix + "failure-threshold", o.failureThreshold(), defaults.failures(), errors),
                            threshold(
                                    prefix + "success-threshold", o.successThreshold(), defaults.successes(), errors)));
        });
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
                    url(h.url(), P + "webhooks[" + i + "].url", errors, true),
                    h.secret().orElse(null),
                    h.headers(),
                    secretFile(h, P + "webhooks[" + i + "].", errors),
                    headerFiles(h, P + "webhooks[" + i + "].header-files.", errors)));
        }
        Duration resend = ConfigValues.duration(
                P + "alertmanager.resend-interval", c.alertmanager().resendInterval(), errors);
        ConfigValues.positive(P + "alertmanager.resend-interval", resend, errors);
        Duration ttl = ConfigValues.duration(
                P + "alertmanager.alert-ttl", c.alertmanager().alertTtl(), errors);
        if (resend != null && ttl != null && ttl.compareTo(resend.multipliedBy(2)) < 0) {
            errors.add(new ConfigError(
                    P + "alertmanager.alert-ttl",
                    "must be at least twice resend-interval (" + resend + "), got " + ttl));
        }
        Integer queueCapacity = ConfigValues.integer(P + "queue-capacity", c.queueCapacity(), errors);
        if (queueCapacity != null && queueCapacity < 1) {
            errors.add(new ConfigError(P + "queue-capacity", "must be at least 1, got " + queueCapacity));
        }
        Duration initialDelay = ConfigValues.duration(P + "retry-initial-delay", c.retryInitialDelay(), errors);
        ConfigValues.positive(P + "retry-initial-delay", initialDelay, errors);
        Duration maxDelay = ConfigValues.duration(P + "retry-max-delay", c.retryMaxDelay(), errors);
        if (initialDelay != null && maxDelay != null && maxDelay.compareTo(initialDelay) < 0) {
            errors.add(
                    new ConfigError(P + "retry-max-delay", "must not be below retry-initial-delay, got " + maxDelay));
        }
        if (errors.size() > before) {
            return disabled();
        }
        return new AlertingSettings(
                enabled,
                new AlertPolicy(defaults, perOrigin, severity),
                new AlertTexts(external, c.runbookBaseUrl()),
                alertmanagers,
                c.labels(),
                resend,
                ttl,
                webhooks,
                queueCapacity,
                new Backoff(initialDelay, maxDelay));
    }

    /**
     * One threshold: {@code fallback} when unset; an unreadable value or one below 1 is reported (and
     * counts as 1 until the daemon exits).
     */
    private static int threshold(String key, Optional<String> text, int fallback, List<ConfigError> errors) {
        if (text.isEmpty()) {
            return fallback;
        }
        Integer v = ConfigValues.integer(key, text.get(), errors);
        if (v != null && v < 1) {
            errors.add(new ConfigError(key, "must be at least 1, got " + v));
        }
        return v == null ? 1 : Math.max(v, 1);
    }

    private static FileValue secretFile(AlertingConfig.Webhook h, String prefix, List<ConfigError> errors) {
        Optional<String> path = h.secretFile().map(String::strip);
        if (path.isEmpty()) {
            return null;
        }
        if (h.secret().isPresent()) {
            errors.add(new ConfigError(prefix + "secret-file", "set either secret or secret-file, not both"));
            return null;
        }
        try {
            return new FileValue(Path.of(path.get()));
        } catch (FileValue.Unusable | RuntimeException e) {
            // names the key and the path, never the content
            errors.add(new ConfigError(
                    prefix + "secret-file", "the file " + ConfigValues.quoted(path.get()) + " " + e.getMessage()));
            return null;
        }
    }

    private static Map<String, FileValue> headerFiles(
            AlertingConfig.Webhook h, String prefix, List<ConfigError> errors) {
        Map<String, FileValue> files = new HashMap<>();
        h.headerFiles().forEach((name, path) -> {
            if (h.headers().containsKey(name)) {
                errors.add(new ConfigError(prefix + name, "also set under headers: set the header in one of the two"));
                return;
            }
            try {
                files.put(name, new FileValue(Path.of(path.strip())));
            } catch (FileValue.Unusable | RuntimeException e) {
                errors.add(new ConfigError(
                        prefix + name, "the file " + ConfigValues.quoted(path.strip()) + " " + e.getMessage()));
            }
        });
        return files;
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
        return url(text, key, errors, false);
    }

    private static URI url(String text, String key, List<ConfigError> errors, boolean webhook) {
        try {
            URI uri = URI.create(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new ConfigError(
                key,
                "must be an http or https URL with a host, got "
                        + (webhook ? ConfigValues.quotedWebhookUrl(text) : ConfigValues.quotedUrl(text))));
        return URI.create("http://invalid");
    }
}
