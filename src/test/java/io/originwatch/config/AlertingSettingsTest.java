package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.Cause;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AlertingSettingsTest {

    static AlertingSettings settings(Map<String, String> properties) {
        List<ConfigError> errors = new ArrayList<>();
        AlertingSettings s = settings(properties, errors);
        assertThat(errors).isEmpty();
        return s;
    }

    static AlertingSettings settings(Map<String, String> properties, List<ConfigError> errors) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AlertingConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return AlertingSettings.from(config.getConfigMapping(AlertingConfig.class), errors);
    }

    @Test
    void defaultsNeedNoKeys() {
        AlertingSettings s = settings(Map.of());
        assertThat(s.enabled()).isTrue();
        assertThat(s.policy().thresholdsFor("any").failures()).isEqualTo(2);
        assertThat(s.policy().thresholdsFor("any").successes()).isEqualTo(2);
        assertThat(s.alertmanagers()).isEmpty();
        assertThat(s.webhooks()).isEmpty();
        assertThat(s.resendInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.alertTtl()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void everyKeyMapsToTheDomain() {
        AlertingSettings s = settings(Map.ofEntries(
                Map.entry("originwatch.alerting.failure-threshold", "3"),
                Map.entry("originwatch.alerting.origins.shop.failure-threshold", "1"),
                Map.entry("originwatch.alerting.origins.shop.success-threshold", "4"),
                Map.entry("originwatch.alerting.severity.headers_too_large", "warning"),
                Map.entry("originwatch.alerting.labels.team", "web"),
                Map.entry("originwatch.alerting.alertmanager.urls", "http://127.0.0.1:9093,http://127.0.0.1:9094"),
                Map.entry("originwatch.alerting.webhooks[0].url", "https://hooks.example/ow"),
                Map.entry("originwatch.alerting.webhooks[0].secret", "k"),
                Map.entry("originwatch.alerting.webhooks[0].headers.Authorization", "Bearer t")));
        assertThat(s.policy().thresholdsFor("other").failures()).isEqualTo(3);
        assertThat(s.policy().thresholdsFor("shop").failures()).isEqualTo(1);
        assertThat(s.policy().thresholdsFor("shop").successes()).isEqualTo(4);
        assertThat(s.policy().severityOf(Cause.HEADERS_TOO_LARGE)).isEqualTo("warning");
        assertThat(s.policy().severityOf(Cause.CONNECTION_RESET)).isEqualTo("critical");
        assertThat(s.alertmanagerLabels()).containsEntry("team", "web");
        assertThat(s.alertmanagers())
                .containsExactly(URI.create("http://127.0.0.1:9093"), URI.create("http://127.0.0.1:9094"));
        assertThat(s.webhooks()).singleElement().satisfies(w -> {
            assertThat(w.url()).isEqualTo(URI.create("https://hooks.example/ow"));
            assertThat(w.secret()).isEqualTo("k");
            assertThat(w.headers()).containsEntry("Authorization", "Bearer t");
        });
    }

    record Invalid(String name, Map<String, String> properties, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Invalid> invalid() {
        return Stream.of(
                new Invalid(
                        "zero failure threshold",
                        Map.of("originwatch.alerting.failure-threshold", "0"),
                        "originwatch.alerting.failure-threshold: must be at least 1, got 0"),
                new Invalid(
                        "per-origin success threshold",
                        Map.of("originwatch.alerting.origins.shop.success-threshold", "-1"),
                        "originwatch.alerting.origins.shop.success-threshold: must be at least 1, got -1"),
                new Invalid(
                        "unknown cause in severity",
                        Map.of("originwatch.alerting.severity.reset", "critical"),
                        "originwatch.alerting.severity.reset: unknown cause \"reset\"; known: [unreachable,"),
                new Invalid(
                        "alertmanager url without scheme",
                        Map.of("originwatch.alerting.alertmanager.urls", "alertmanager:9093"),
                        "originwatch.alerting.alertmanager.urls[0]: must be an http or https URL with a host, got \"alertmanager:9093\""),
                new Invalid(
                        "webhook ftp url",
                        Map.of("originwatch.alerting.webhooks[0].url", "ftp://x/y"),
                        // a webhook URL's path can be its secret (Slack): only scheme and host are shown
                        "originwatch.alerting.webhooks[0].url: must be an http or https URL with a host, got"
                                + " \"ftp://x\" followed by <redacted, 2 chars>"),
                new Invalid(
                        "ttl shorter than two resends",
                        Map.of("originwatch.alerting.alertmanager.alert-ttl", "90s"),
                        "originwatch.alerting.alertmanager.alert-ttl: must be at least twice resend-interval (PT1M), got PT1M30S"),
                new Invalid(
                        "failure threshold not a number",
                        Map.of("originwatch.alerting.failure-threshold", "three"),
                        "originwatch.alerting.failure-threshold: must be a whole number, got \"three\""),
                new Invalid(
                        "retry delay not a duration",
                        Map.of("originwatch.alerting.retry-initial-delay", "soon"),
                        "originwatch.alerting.retry-initial-delay: not a duration (e.g. 30s, 500ms, 2m), got \"soon\""),
                new Invalid(
                        "queue capacity zero",
                        Map.of("originwatch.alerting.queue-capacity", "0"),
                        "originwatch.alerting.queue-capacity: must be at least 1, got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidValuesAreReportedWithTheirKey(Invalid c) {
        List<ConfigError> errors = new ArrayList<>();
        AlertingSettings s = settings(c.properties(), errors);
        assertThat(errors).singleElement().asString().startsWith(c.message());
        assertThat(s.enabled())
                .as("nothing is sent with an invalid configuration")
                .isFalse();
        assertThat(s.alertmanagers()).isEmpty();
        assertThat(s.webhooks()).isEmpty();
    }

    @Test
    void allErrorsAreReportedAtOnce() {
        List<ConfigError> errors = new ArrayList<>();
        settings(
                Map.of("originwatch.alerting.failure-threshold", "0", "originwatch.alerting.webhooks[0].url", "nope"),
                errors);
        assertThat(errors)
                .extracting(ConfigError::key)
                .containsExactly("originwatch.alerting.failure-threshold", "originwatch.alerting.webhooks[0].url");
    }
}
