package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Direct alert dispatch, {@code originwatch.alerting.*} (docs/alerting.md). Values are kept as text
 * and converted to domain objects, with errors naming their keys, by {@link AlertingSettings}.
 */
@ConfigMapping(prefix = "originwatch.alerting")
public interface AlertingConfig {

    /** Master switch; with no sink configured nothing is sent, but /api/alerts still lists alerts. */
    @WithDefault("true")
    String enabled();

    /** Consecutive bad probes before an origin's alert fires. */
    @WithDefault("2")
    String failureThreshold();

    /** Consecutive good probes before a firing alert resolves. */
    @WithDefault("2")
    String successThreshold();

    /** Per-origin overrides of the thresholds, by origin name: {@code origins.shop.failure-threshold=3}. */
    Map<String, OriginOverride> origins();

    /** Severity per cause label ({@code severity.headers_too_large=warning}); default critical for 52x, warning otherwise. */
    Map<String, String> severity();

    /** Extra labels on every Alertmanager alert ({@code labels.team=web}). */
    Map<String, String> labels();

    /** originwatch's URL as receivers reach it: generatorURL and links are {@code <external-url>/ui/origins/<name>#verdict}, the console page. */
    @WithDefault("http://localhost:8080")
    String externalUrl();

    /** The runbooks document; alerts link {@code <runbook-base-url>#<cause>}. */
    @WithDefault("https://github.com/originwatch/originwatch/blob/main/docs/runbooks.md")
    String runbookBaseUrl();

    /** Pending notifications per sink (one per origin at most); beyond it resolved ones are dropped first. */
    @WithDefault("10000")
    String queueCapacity();

    /** First retry delay after a failed delivery; doubles per failure. */
    @WithDefault("500ms")
    String retryInitialDelay();

    /** Cap on the retry delay. */
    @WithDefault("30s")
    String retryMaxDelay();

    Alertmanager alertmanager();

    /** Webhook receivers, {@code webhooks[n].url|secret|headers}. */
    Optional<List<Webhook>> webhooks();

    /** {@code origins.<name>.*}. */
    interface OriginOverride {

        Optional<String> failureThreshold();

        Optional<String> successThreshold();
    }

    /** {@code alertmanager.*}. */
    interface Alertmanager {

        /** Alertmanager base URLs (every one gets every alert, as Prometheus does for an HA pair). */
        Optional<List<String>> urls();

        /** How often active alerts are re-posted; keep it under half of Alertmanager's resolve_timeout (5m). */
        @WithDefault("1m")
        String resendInterval();

        /** endsAt of a firing alert = now + this, so Alertmanager resolves it if originwatch disappears. */
        @WithDefault("4m")
        String alertTtl();
    }

    /** {@code webhooks[n].*}. */
    interface Webhook {

        /** http or https URL receiving a JSON POST per notification. */
        String url();

        /** HMAC-SHA256 key; when set, requests carry {@code X-Originwatch-Signature: sha256=<hex>}. */
        Optional<String> secret();

        /**
         * A file holding the HMAC key (a mounted Secret) instead of {@link #secret()}: re-read when it
         * changes, one trailing newline stripped.
         */
        Optional<String> secretFile();

        /** Extra request headers (e.g. an Authorization token). */
        Map<String, String> headers();

        /** Extra request headers whose values are read from files (header name to path), re-read when they change. */
        Map<String, String> headerFiles();
    }
}
