package io.originwatch.alert;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a loopback webhook receiver for a @QuarkusTest and points originwatch.alerting at it. */
public class WebhookTestResource implements QuarkusTestResourceLifecycleManager {

    static volatile WebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        try {
            receiver = new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "originwatch.alerting.webhooks[0].url", receiver.url("/hook").toString(),
                "originwatch.alerting.webhooks[0].secret", "wired-secret",
                "originwatch.alerting.webhooks[0].headers.X-Team", "web",
                "originwatch.alerting.origins.fragile.failure-threshold", "1",
                "originwatch.alerting.external-url", "http://originwatch.test:8080",
                "originwatch.alerting.retry-initial-delay", "50ms",
                "originwatch.alerting.retry-max-delay", "200ms");
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
