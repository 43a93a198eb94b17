package io.originwatch.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.originwatch.config.SettingsLoader;
import io.originwatch.discovery.CloudflareClient;
import io.originwatch.discovery.CloudflareDiscovery;
import io.originwatch.discovery.CloudflareSettings;
import io.originwatch.discovery.DiscoveredOrigin;
import io.originwatch.discovery.DiscoveryCache;
import io.originwatch.discovery.DiscoveryException;
import io.originwatch.discovery.DiscoveryResult;
import io.originwatch.discovery.KubernetesDiscovery;
import io.originwatch.discovery.KubernetesSettings;
import io.originwatch.discovery.RemovalGuard;
import io.originwatch.discovery.Skipped;
import io.originwatch.discovery.SourceStatus;
import io.originwatch.metrics.DiscoveryMetrics;
import io.originwatch.origin.Origin;
import io.originwatch.schedule.OriginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs the discovery sources and applies their results like an origins-file reload (added start,
 * removed stop, changed reschedule). Per source:
 * <ol>
 *   <li>at start, the last good result from the cache is applied, so discovered origins are probed
 *       again before (or without) the source answering;
 *   <li>then a run: Cloudflare every {@code refresh}; Kubernetes whenever the Ingress informer sees a
 *       change (coalesced: a burst of events is one run) and at each resync. A failed run changes
 *       nothing (the last good origins keep running) and is reported on {@code /api/discovery}, in the
 *       log and the runs counter;
 *   <li>a successful result is validated like configured origins; a name a configured origin
 *       already uses is skipped (the configured one wins, the clash is logged);
 *   <li>a result removing more than half of the source's origins is refused unless
 *       {@code allow-mass-removal} (see {@link RemovalGuard}); otherwise it is applied and cached.
 * </ol>
 * The Cloudflare API token is never logged: it is not in the settings' text, and it is cut out of API
 * errors. Runs are serialised on one thread.
 */
@ApplicationScoped
public class DiscoveryRunner {

    public static final String CLOUDFLARE = SettingsLoader.CLOUDFLARE;
    public static final String KUBERNETES = SettingsLoader.KUBERNETES;
    private static final Logger LOG = Logger.getLogger(DiscoveryRunner.class);

    /** How long a burst of Ingress events is gathered into one run. */
    private static final long COALESCE_MILLIS = 250;

    @Inject
    SettingsLoader loader;

    @Inject
    OriginRegistry registry;

    @Inject
    DiscoveryMetrics metrics;

    @Inject
    Instance<KubernetesClient> kubernetes;

    /** One enabled source: how a run is made, where its origins go, and what its guard allows. */
    private interface Run {
        DiscoveryResult run() throws DiscoveryException;
    }

    private record Source(
            String name, OriginRegistry.Source origins, boolean allowMassRemoval, Run run, String secret) {}

    private final Map<String, SourceStatus> status = new TreeMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final AtomicBoolean kubernetesRunPending = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private DiscoveryCache cache;
    private IngressWatch ingresses;

    /** Restores the cached results and starts the enabled sources; nothing when none is enabled. */
    public synchronized void start() {
        Optional<CloudflareSettings> cf = loader.cloudflareDiscovery();
        Optional<KubernetesSettings> kube = loader.kubernetesDiscovery();
        if (cf.isEmpty() && kube.isEmpty()) {
            return;
        }
        JacksonJsonCodec json = new JacksonJsonCodec();
        cache = new DiscoveryCache(loader.discoveryCacheDir(), json);
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("originwatch-discovery").factory());
        cf.ifPresent(s -> {
            CloudflareDiscovery d = new CloudflareDiscovery(s, new CloudflareClient(s.apiUrl(), s.apiToken(), json));
            enable(new Source(
                    CLOUDFLARE,
                    OriginRegistry.Source.DISCOVERY_CLOUDFLARE,
                    s.allowMassRemoval(),
                    d::run,
                    s.apiToken()));
            LOG.infof(
                    "discovery: source=%s api=%s zones=%s refresh=%ds",
                    CLOUDFLARE,
                    s.apiUrl(),
                    s.zones().isEmpty() ? "all" : s.zones(),
                    s.refresh().toSeconds());
            executor.scheduleWithFixedDelay(
                    () -> refreshQuietly(CLOUDFLARE), 0, s.refresh().toMillis(), TimeUnit.MILLISECONDS);
        });
        kube.ifPresent(s -> {
            IngressWatch watch = new IngressWatch(kubernetes::get, s.namespaces(), s.resync(), this::ingressesChanged);
            ingresses = watch;
            enable(new Source(
                    KUBERNETES,
                    OriginRegistry.Source.DISCOVERY_KUBERNETES,
                    s.allowMassRemoval(),
                    () -> KubernetesDiscovery.of(watch.list(), s),
                    null));
            LOG.infof(
                    "discovery: source=%s namespaces=%s resync=%ds",
                    KUBERNETES,
                    s.namespaces().isEmpty() ? "all" : s.namespaces(),
                    s.resync().toSeconds());
            watch.start();
        });
    }

    private void enable(Source s) {
        sources.put(s.name(), s);
        metrics.sourceEnabled(s.name());
        status.put(s.name(), SourceStatus.notRunYet(s.name()));
        restore(s);
    }

    /** An Ingress was added, changed or deleted (or the informer resynced): one run soon, for the whole burst. */
    private void ingressesChanged() {
        if (kubernetesRunPending.compareAndSet(false, true)) {
            executor.schedule(
                    () -> {
                        kubernetesRunPending.set(false);
                        refreshQuietly(KUBERNETES);
                    },
                    COALESCE_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void restore(Source s) {
        try {
            Optional<DiscoveryResult> cached = cache.load(s.name());
            if (cached.isPresent()) {
                SourceStatus st = apply(s, cached.get(), null);
                LOG.infof(
                        "discovery: source=%s restored %d origin(s) from %s",
                        s.name(), st.found(), cache.file(s.name()));
            }
        } catch (DiscoveryException e) {
            LOG.warnf("discovery: source=%s cache not used: %s", s.name(), e.getMessage());
        }
    }

    private void refreshQuietly(String source) {
        try {
            refresh(source);
        } catch (RuntimeException e) {
            LOG.errorf(e, "discovery: source=%s unexpected error, continuing", source);
        }
    }

    /** Runs {@code source} now and applies its result; the status afterwards. */
    public synchronized SourceStatus refresh(String source) {
        Source s = sources.get(source);
        if (s == null) {
            throw new IllegalArgumentException("discovery source not enabled: " + source);
        }
        DiscoveryResult result;
        try {
            result = s.run().run();
        } catch (DiscoveryException e) {
            return fail(s, redact(s, e.getMessage()));
        }
        return apply(s, result, registry.names(s.origins()));
    }

    /** All enabled sources, by name. */
    public synchronized List<SourceStatus> status() {
        return List.copyOf(status.values());
    }

    /** Applies {@code result}; {@code previous} (null for the cache at start) is what the guard compares with. */
    private SourceStatus apply(Source source, DiscoveryResult result, Set<String> previous) {
        String name = source.name();
        Map<String, String> taken = registry.namesOutside(source.origins());
        for (DiscoveredOrigin d : result.origins()) {
            if (taken.containsKey(d.name())) {
                LOG.warnf(
                        "discovery: source=%s origin=%s name clash with %s, the configured origin wins",
                        name, d.name(), taken.get(d.name()));
            }
        }
        List<Skipped> skipped = new ArrayList<>(result.skipped());
        List<Origin> origins = loader.validateDiscovered(name, result.origins(), taken, skipped);
        if (previous != null) {
            Set<String> next = origins.stream().map(Origin::name).collect(Collectors.toSet());
            long removing = previous.stream().filter(n -> !next.contains(n)).count();
            if (RemovalGuard.refuses(previous.size(), (int) removing, source.allowMassRemoval())) {
                return fail(
                        source,
                        "result refused: it would remove " + removing + " of the " + previous.size()
                                + " discovered origins (more than half); set originwatch.discovery." + name
                                + ".allow-mass-removal=true to accept such a result");
            }
        }
        OriginRegistry.Change c = registry.apply(source.origins(), origins);
        SourceStatus s;
        if (previous == null) {
            s = new SourceStatus(name, null, null, origins.size(), skipped, c.added(), c.removed(), null);
            metrics.inForce(name, origins.size());
        } else {
            save(name, result);
            s = new SourceStatus(name, Instant.now(), "success", origins.size(), skipped, c.added(), c.removed(), null);
            metrics.ran(name, true, origins.size());
            LOG.infof(
                    "discovery run: source=%s origins=%d skipped=%d added=%d removed=%d changed=%d",
                    name, origins.size(), skipped.size(), c.added(), c.removed(), c.changed());
        }
        status.put(name, s);
        return s;
    }

    private void save(String source, DiscoveryResult result) {
        try {
            cache.save(source, result);
        } catch (IOException e) {
            LOG.warnf("discovery: source=%s cannot write the cache %s: %s", source, cache.file(source), e);
        }
    }

    private SourceStatus fail(Source source, String error) {
        String name = source.name();
        SourceStatus last = status.getOrDefault(name, SourceStatus.notRunYet(name));
        int inForce = registry.names(source.origins()).size();
        SourceStatus s = new SourceStatus(name, Instant.now(), "failure", inForce, last.skipped(), 0, 0, error);
        status.put(name, s);
        metrics.ran(name, false, inForce);
        LOG.warnf(
                "discovery run failed, the previous origins keep running: source=%s error=\"%s\"",
                name, error.replace("\"", "\\\""));
        return s;
    }

    /** Cuts the source's secret out of a message (an API or proxy could echo the request back). */
    private static String redact(Source source, String message) {
        String secret = source.secret();
        return secret == null || secret.isEmpty() ? message : message.replace(secret, "<redacted>");
    }

    public synchronized void stop() {
        if (ingresses != null) {
            ingresses.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
