package io.originwatch.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.alert.ActiveAlert;
import io.originwatch.alert.AlertDispatcher;
import io.originwatch.alert.AlertmanagerSink;
import io.originwatch.alert.SinkWorker;
import io.originwatch.alert.WebhookSink;
import io.originwatch.config.AlertingConfig;
import io.originwatch.config.AlertingSettings;
import io.originwatch.config.ConfigError;
import io.originwatch.metrics.AlertMetrics;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Wires direct dispatch: builds the sinks from {@code originwatch.alerting}, feeds every
 * {@link ProbeCompleted} and {@link OriginRemoved} to the {@link AlertDispatcher} (fast: it only
 * updates counters and queues), and stops the senders on shutdown.
 */
@Startup
@ApplicationScoped
public class AlertingService {

    private static final Logger LOG = Logger.getLogger(AlertingService.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    AlertingConfig config;

    @Inject
    AlertMetrics metrics;

    @Inject
    ObjectMapper mapper;

    private AlertingSettings settings;
    private AlertDispatcher dispatcher;

    @PostConstruct
    void start() {
        List<ConfigError> errors = new ArrayList<>();
        settings = AlertingSettings.from(config, errors);
        if (!errors.isEmpty()) {
            // reported with every other area's errors by the daemon (SettingsLoader.load), which then exits 1;
            // until the exit, alerts are tracked without sinks so probe events stay harmless
            dispatcher =
                    new AlertDispatcher(settings.policy(), List.of(), Clock.systemUTC(), settings.resendInterval());
            return;
        }
        Function<Object, String> json = this::encode;
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        List<SinkWorker> workers = new ArrayList<>();
        if (settings.enabled()) {
            for (int i = 0; i < settings.alertmanagers().size(); i++) {
                URI url = settings.alertmanagers().get(i);
                workers.add(worker(new AlertmanagerSink(
                        "alertmanager-" + i,
                        url,
                        client,
                        settings.texts(),
                        settings.alertmanagerLabels(),
                        settings.alertTtl(),
                        json,
                        Clock.systemUTC())));
            }
            for (int i = 0; i < settings.webhooks().size(); i++) {
                AlertingSettings.WebhookTarget w = settings.webhooks().get(i);
                workers.add(worker(new WebhookSink(
                        "webhook-" + i, w.url(), w.secret(), w.headers(), client, settings.texts(), json)));
            }
        }
        metrics.bind(workers);
        dispatcher = new AlertDispatcher(settings.policy(), workers, Clock.systemUTC(), settings.resendInterval());
        dispatcher.start();
        LOG.infof(
                "alerting sinks=%s failure_threshold=%d success_threshold=%d",
                workers.stream().map(SinkWorker::name).toList(),
                settings.policy().defaults().failures(),
                settings.policy().defaults().successes());
    }

    private SinkWorker worker(io.originwatch.alert.AlertSink sink) {
        return new SinkWorker(sink, settings.queueCapacity(), settings.backoff(), metrics);
    }

    void onProbe(@Observes ProbeCompleted event) {
        dispatcher
                .probeCompleted(event.origin(), event.labels(), event.verdict())
                .ifPresent(n -> LOG.infof(
                        "alert origin=%s state=%s cause=%s edge_status=%d",
                        n.key(),
                        n.state().label(),
                        n.alert().cause().label(),
                        n.alert().edgeStatus()));
    }

    void onRemoved(@Observes OriginRemoved event) {
        dispatcher
                .originRemoved(event.origin())
                .ifPresent(n -> LOG.infof("alert origin=%s state=resolved reason=removed", n.key()));
    }

    /** Alerts firing now, oldest first. */
    public List<ActiveAlert> active() {
        return dispatcher.active();
    }

    public AlertingSettings settings() {
        return settings;
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private String encode(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
