package io.originwatch.app;

import io.originwatch.config.ConfigError;
import io.originwatch.config.DaemonSettings;
import io.originwatch.config.InvalidConfigException;
import io.originwatch.config.SettingsLoader;
import io.originwatch.config.TlsProvider;
import io.originwatch.maintenance.WindowSource;
import io.originwatch.probe.ConscryptTls;
import io.originwatch.probe.TlsStack;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.ProbeEngine;
import io.originwatch.schedule.ProbeRunner;
import io.originwatch.schedule.ProbeScheduler;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sun.misc.Signal;

/**
 * Start-up and shutdown. Start-up: validate the whole configuration, every area at once (on any error
 * log every line and exit 1, without a stack trace: the one refusal for configuration errors; the
 * area beans only stay idle), start the lab if enabled, schedule the origins, start discovery
 * (cached results first), watch the origins file, then report ready. Shutdown (SIGTERM): stop firing,
 * give probes in flight {@link #SHUTDOWN_GRACE} to end, close the lab, leave the cluster gracefully.
 */
@ApplicationScoped
public class Daemon {

    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(Daemon.class);

    @Inject
    SettingsLoader loader;

    @Inject
    OriginRegistry registry;

    @Inject
    ProbeRunner runner;

    @Inject
    ProbeScheduler scheduler;

    @Inject
    OriginsFileWatcher watcher;

    @Inject
    LabRunner lab;

    @Inject
    MaintenanceService maintenance;

    @Inject
    DiscoveryRunner discovery;

    @Inject
    ProbeEngine engine;

    @Inject
    WhereToLook whereToLook;

    @Inject
    ClusterRuntime cluster;

    @Inject
    AlertingService alerting;

    /** The raw {@code originwatch.tls-provider}, only to decide whether Conscrypt loads early; validated by the loader. */
    @ConfigProperty(name = "originwatch.tls-provider")
    Optional<String> tlsProviderValue;

    private volatile boolean ready;

    void onStart(@Observes StartupEvent event) {
        exitZeroOnSigterm();
        CompletableFuture<ConscryptTls> conscrypt = preloadConscrypt();
        DaemonSettings settings;
        try {
            settings = loader.load();
        } catch (InvalidConfigException e) {
            refuseToStart(e);
            return;
        }
        if (!chooseTls(settings.tlsProvider(), conscrypt)) {
            exitOne();
            return;
        }
        runner.limitTo(settings.maxConcurrentProbes());
        // windows before origins: the first probe of each origin already sees them
        maintenance.configure(WindowSource.CONFIG, settings.configWindows());
        maintenance.configure(WindowSource.ORIGINS_FILE, settings.fileWindows());
        // before any origin is scheduled: in cluster mode only owned origins are
        cluster.start(settings.cluster());
        registry.apply(OriginRegistry.Source.CONFIG, settings.inlineOrigins());
        registry.apply(OriginRegistry.Source.FILE, settings.fileOrigins());
        if (settings.labEnabled() && !lab.start()) {
            exitOne();
            return;
        }
        discovery.start();
        if (loader.cloudflareDiscovery().isEmpty()
                && loader.kubernetesDiscovery().isEmpty()) {
            // every origin is known now; with discovery a source's first run may still bring some back
            alerting.forgetUnconfigured(name -> registry.state(name).isPresent());
        }
        settings.originsFile().ifPresent(watcher::start);
        if (registry.size() == 0) {
            LOG.warn("No origins configured, so nothing is probed. Configure origins with "
                    + "originwatch.origins[0].name / originwatch.origins[0].url (application.yaml, system "
                    + "properties or env ORIGINWATCH_ORIGINS_0__URL), or a YAML file named by "
                    + "originwatch.origins-file; or try the demo: -Dquarkus.profile=demo. See docs/configuration.md.");
        } else {
            LOG.infof(
                    "originwatch probing %d origin(s), at most %d at a time",
                    registry.size(), settings.maxConcurrentProbes());
        }
        ready = true;
        whereToLook.scheduled();
    }

    /**
     * The probes' TLS stack. {@code auto} prefers Conscrypt (BoringSSL: a fraction of the JDK's CPU
     * per handshake) on JDK 24+ and falls back to the JDK where its native library does not load
     * (another OS/CPU, a musl libc, a noexec /tmp); {@code conscrypt} makes that fallback a start-up error.
     */
    private boolean chooseTls(TlsProvider choice, CompletableFuture<ConscryptTls> conscrypt) {
        if (choice == TlsProvider.AUTO && !ConscryptTls.unmountsWhileBlocked()) {
            LOG.infof(
                    "probe TLS uses the JDK on JDK %d: Conscrypt's sockets block inside synchronized blocks, which "
                            + "pin virtual threads before JDK %d. Run on JDK %d+ for Conscrypt's lower CPU per handshake.",
                    Runtime.version().feature(),
                    ConscryptTls.UNPINNED_MONITORS_SINCE,
                    ConscryptTls.UNPINNED_MONITORS_SINCE);
            engine.use(TlsStack.JDK);
        } else if (choice == TlsProvider.JDK) {
            engine.use(TlsStack.JDK);
        } else {
            if (!ConscryptTls.unmountsWhileBlocked()) {
                LOG.warnf(
                        "originwatch.tls-provider=conscrypt on JDK %d: a slow TLS origin pins a carrier thread "
                                + "while it waits (fixed in JDK %d); keep max-concurrent-probes low or use JDK %d+",
                        Runtime.version().feature(),
                        ConscryptTls.UNPINNED_MONITORS_SINCE,
                        ConscryptTls.UNPINNED_MONITORS_SINCE);
            }
            try {
                engine.use(conscrypt == null ? ConscryptTls.load() : joinLoad(conscrypt));
            } catch (IllegalStateException e) {
                if (choice == TlsProvider.CONSCRYPT) {
                    LOG.errorf("originwatch cannot start: originwatch.tls-provider=conscrypt, but %s", e.getMessage());
                    return false;
                }
                LOG.warnf(
                        "probe TLS falls back to the JDK (more CPU per handshake): %s. "
                                + "Set originwatch.tls-provider=jdk to choose it and silence this warning.",
                        e.getMessage());
                engine.use(TlsStack.JDK);
            }
        }
        LOG.infof("probe TLS stack: %s", engine.tls().name());
        return true;
    }

    /**
     * Loading Conscrypt (its native library and BoringSSL's initialisation: a few hundred ms of a cold
     * start) on a thread of its own while the configuration and the origins file are read, when the
     * value chooses it ({@code conscrypt}, or {@code auto} on JDK 24+). Null otherwise: an invalid
     * value is refused by the loader, {@code jdk} never loads it. Failures surface in {@link #chooseTls}.
     */
    private CompletableFuture<ConscryptTls> preloadConscrypt() {
        String value = tlsProviderValue.map(String::trim).orElse("auto");
        boolean wanted = value.equalsIgnoreCase(TlsProvider.CONSCRYPT.name())
                || (value.equalsIgnoreCase(TlsProvider.AUTO.name()) && ConscryptTls.unmountsWhileBlocked());
        if (!wanted) {
            return null;
        }
        CompletableFuture<ConscryptTls> loaded = new CompletableFuture<>();
        Thread.ofPlatform().name("conscrypt-load").daemon().start(() -> {
            try {
                loaded.complete(ConscryptTls.load());
            } catch (Throwable t) {
                loaded.completeExceptionally(t);
            }
        });
        return loaded;
    }

    /** The preloaded stack, or what {@link ConscryptTls#load()} threw. */
    private static ConscryptTls joinLoad(CompletableFuture<ConscryptTls> conscrypt) {
        try {
            return conscrypt.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Kubernetes and systemd treat SIGTERM as a normal stop, but the JVM's default handler exits
     * 143. Turning SIGTERM into Quarkus.asyncExit(0) runs the same graceful path and exits 0.
     * Only in a real run (not in tests, where the JVM belongs to the test runner).
     */
    private static void exitZeroOnSigterm() {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        try {
            Signal.handle(new Signal("TERM"), s -> Quarkus.asyncExit(0));
        } catch (IllegalArgumentException e) {
            LOG.debugf("SIGTERM handler not installed: %s", e.getMessage());
        }
    }

    private static void refuseToStart(InvalidConfigException e) {
        LOG.errorf(
                "originwatch cannot start: %d configuration error(s):",
                e.errors().size());
        for (ConfigError error : e.errors()) {
            LOG.error("  " + error);
        }
        exitOne();
    }

    /** The one way a refused start ends, after the reason is logged. */
    private static void exitOne() {
        // asyncExit lets Quarkus finish starting, then stop cleanly with this code: no stack trace.
        Quarkus.asyncExit(1);
    }

    /**
     * Ready once the configuration is valid and the origins are scheduled, and (cluster mode) while
     * this member sees at least min-members.
     */
    public boolean ready() {
        return ready && registry.ownership().quorum();
    }

    void onStop(@Observes ShutdownEvent event) {
        ready = false;
        watcher.stop();
        discovery.stop();
        try {
            scheduler.pause();
        } catch (RuntimeException e) {
            LOG.debugf("scheduler already stopped: %s", e);
        }
        int inFlight = runner.inFlight();
        LOG.infof(
                "stopping: scheduling stopped, %d probe(s) in flight, waiting up to %ds for them",
                inFlight, SHUTDOWN_GRACE.toSeconds());
        if (runner.shutdown(SHUTDOWN_GRACE) && inFlight > 0) {
            LOG.info("stopping: probes in flight finished");
        }
        cluster.stop();
        lab.close();
    }
}
