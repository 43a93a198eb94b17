package io.originwatch.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.alert.ActiveAlert;
import io.originwatch.alert.AlertDispatcher;
import io.originwatch.alert.AlertStateFile;
import io.originwatch.alert.AlertStateKeeper;
import io.originwatch.alert.AlertmanagerSink;
import io.originwatch.alert.LastDeliveries;
import io.originwatch.alert.SinkWorker;
import io.originwatch.alert.WebhookSink;
import io.originwatch.config.AlertingConfig;
import io.originwatch.config.AlertingSettings;
import io.originwatch.config.ConfigError;
import io.originwatch.config.OriginwatchConfig;
import io.originwatch.metrics.AlertMetrics;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.ProbeObserver;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Wires direct dispatch: builds the sinks from {@code originwatch.alerting}, feeds every
 * {@link ProbeCompleted} and {@link OriginRemoved} to the {@link AlertDispatcher} (fast: it only
 * updates counters and queues), keeps the alert state in {@code originwatch.state-dir} when set, and
 * on shutdown gives the senders {@link #DRAIN_GRACE} to deliver what is pending (logging
 * {@code dropped=N} for what they could not).
 */
@Startup
@ApplicationScoped
public class AlertingService implements ProbeObserver {

    private static final Logger LOG = Logger.getLogger(AlertingService.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How long the senders may go on delivering after SIGTERM. Probes in flight get
     * {@link Daemon#SHUTDOWN_GRACE} (5 s) first, and what they fire is delivered in this one: both fit
     * in {@code quarkus.shutdown.timeout} (10 s) and the manifests' 30 s termination grace period.
     */
    public static final Duration DRAIN_GRACE = Duration.ofSeconds(4);

    @Inject
    OriginwatchConfig daemonConfig;

    @Inject
    AlertingConfig config;

    @Inject
    AlertMetrics metrics;

    @Inject
    ObjectMapper mapper;

    @Inject
    OriginRegistry registry;

    private AlertingSettings settings;
    private AlertDispatcher dispatcher;
    private final LastDeliveries deliveries = new LastDeliveries(Clock.systemUTC());

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
                        "webhook-" + i,
                        w.url(),
                        w::currentSecret,
                        w::currentHeaders,
                        client,
                        settings.texts(),
                        json,
                        WebhookSink.DEFAULT_TIMEOUT,
                        Clock.systemUTC())));
            }
        }
        metrics.bind(workers);
        dispatcher = new AlertDispatcher(settings.policy(), workers, Clock.systemUTC(), settings.resendInterval());
        stateFile().ifPresent(f -> dispatcher.keepStateIn(f, AlertStateKeeper.DEFAULT_FLUSH_INTERVAL));
        dispatcher.start();
        LOG.infof(
                "alerting sinks=%s failure_threshold=%d success_threshold=%d",
                workers.stream().map(SinkWorker::name).toList(),
                settings.policy().defaults().failures(),
                settings.policy().defaults().successes());
    }

    /** {@code <state-dir>/alert-state.tsv} when the state dir is set and writable. */
    private Optional<Path> stateFile() {
        Optional<String> dir = daemonConfig.stateDir().map(String::strip).filter(d -> !d.isEmpty());
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(dir.get());
        try {
            Files.createDirectories(path);
        } catch (IOException | RuntimeException e) {
            LOG.warnf(
                    "originwatch.state-dir %s cannot be created (%s): alert state is kept in memory only, and a"
                            + " restart sends a firing again for every active alert",
                    path, e.toString());
            return Optional.empty();
        }
        if (!Files.isWritable(path)) {
            LOG.warnf(
                    "originwatch.state-dir %s is not writable: alert state is kept in memory only, and a restart"
                            + " sends a firing again for every active alert",
                    path);
            return Optional.empty();
        }
        return Optional.of(path.resolve(AlertStateFile.FILE_NAME));
    }

    /**
     * After the configured origins are applied: restored alerts of origins that left the
     * configuration while the daemon was down resolve now.
     */
    public void forgetUnconfigured(Predicate<String> configured) {
        dispatcher
                .forgetUnless(configured)
                .forEach(n -> LOG.infof("alert origin=%s state=resolved reason=removed", n.key()));
    }

    private SinkWorker worker(io.originwatch.alert.AlertSink sink) {
        return new SinkWorker(
                sink, settings.queueCapacity(), settings.backoff(), LastDeliveries.both(metrics, deliveries));
    }

    @Override
    public Stage stage() {
        return Stage.ALERTS;
    }

    @Override
    public void onProbe(ProbeCompleted event) {
        if (!registry.ownership().owns(event.origin())) {
            // cluster mode: only the owner pages (a probe in flight when its origin moved, a manual probe)
            return;
        }
        dispatcher
                .probeCompleted(event.origin(), event.labels(), event.verdict(), event.inMaintenance())
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

    /** The dispatcher for readers below the app layer (the maintenance metrics ask it who is suppressed). */
    @Produces
    @Singleton
    AlertDispatcher dispatcher() {
        return dispatcher;
    }

    /** Alerts firing now, oldest first. */
    public List<ActiveAlert> active() {
        return dispatcher.active();
    }

    /** The sinks in use (none when alerting has no sink configured). */
    public List<SinkWorker> sinks() {
        return dispatcher.workers();
    }

    /** The last delivery outcome of each sink, for the console. */
    public LastDeliveries deliveries() {
        return deliveries;
    }

    public AlertingSettings settings() {
        return settings;
    }

    @PreDestroy
    void stop() {
        if (dispatcher == null) {
            return;
        }
        int pending =
                dispatcher.workers().stream().mapToInt(SinkWorker::queueDepth).sum();
        int dropped = dispatcher.close(DRAIN_GRACE);
        if (dropped > 0) {
            LOG.warnf(
                    "alerting stopped: dropped=%d notification(s) not delivered within the %d ms grace period",
                    dropped, DRAIN_GRACE.toMillis());
        } else {
            LOG.infof("alerting stopped: %d pending notification(s) delivered, dropped=0", pending);
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
