package io.originwatch.app;

import io.originwatch.config.SettingsLoader;
import io.originwatch.discovery.CloudflareClient;
import io.originwatch.discovery.CloudflareDiscovery;
import io.originwatch.discovery.CloudflareSettings;
import io.originwatch.discovery.DiscoveredOrigin;
import io.originwatch.discovery.DiscoveryCache;
import io.originwatch.discovery.DiscoveryException;
import io.originwatch.discovery.DiscoveryResult;
import io.originwatch.discovery.RemovalGuard;
import io.originwatch.discovery.Skipped;
import io.originwatch.discovery.SourceStatus;
import io.originwatch.metrics.DiscoveryMetrics;
import io.originwatch.origin.Origin;
import io.originwatch.schedule.OriginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs the discovery sources and applies their results like an origins-file reload (added start,
 * removed stop, changed reschedule). Per source:
 * <ol>
 *   <li>at start, the last good result from the cache is applied, so discovered origins are probed
 *       again before (or without) the API answering;
 *   <li>then every {@code refresh} a run; a failed run changes nothing (the last good origins keep
 *       running) and is reported on {@code /api/discovery}, in the log and the runs counter;
 *   <li>a successful result is validated like configured origins; a name a configured origin
 *       already uses is skipped (the configured one wins, the clash is logged);
 *   <li>a result removing more than half of the source's origins is refused unless
 *       {@code allow-mass-removal} (see {@link RemovalGuard}); otherwise it is applied and cached.
 * </ol>
 * The API token is never logged: it is not in the settings' text, and it is cut out of API errors.
 */
@ApplicationScoped
public class DiscoveryRunner {

    public static final String CLOUDFLARE = "cloudflare";
    private static final Logger LOG = Logger.getLogger(DiscoveryRunner.class);

    @Inject
    SettingsLoader loader;

    @Inject
    OriginRegistry registry;

    @Inject
    DiscoveryMetrics metrics;

    private final Map<String, SourceStatus> status = new TreeMap<>();
    private ScheduledExecutorService executor;
    private CloudflareSettings settings;
    private CloudflareDiscovery cloudflare;
    private DiscoveryCache cache;

    /** Restores the cached results and schedules the enabled sources; nothing when none is enabled. */
    public synchronized void start() {
        Optional<CloudflareSettings> s = loader.cloudflareDiscovery();
        if (s.isEmpty()) {
            return;
        }
        settings = s.get();
        JacksonJsonCodec json = new JacksonJsonCodec();
        cache = new DiscoveryCache(loader.discoveryCacheDir(), json);
        cloudflare =
                new CloudflareDiscovery(settings, new CloudflareClient(settings.apiUrl(), settings.apiToken(), json));
        metrics.sourceEnabled(CLOUDFLARE);
        status.put(CLOUDFLARE, SourceStatus.notRunYet(CLOUDFLARE));
        restore();
        LOG.infof(
                "discovery: source=%s api=%s zones=%s refresh=%ds",
                CLOUDFLARE,
                settings.apiUrl(),
                settings.zones().isEmpty() ? "all" : settings.zones(),
                settings.refresh().toSeconds());
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("originwatch-discovery").factory());
        executor.scheduleWithFixedDelay(
                this::refreshQuietly, 0, settings.refresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restore() {
        try {
            Optional<DiscoveryResult> cached = cache.load(CLOUDFLARE);
            if (cached.isPresent()) {
                SourceStatus s = apply(cached.get(), null);
                LOG.infof(
                        "discovery: source=%s restored %d origin(s) from %s",
                        CLOUDFLARE, s.found(), cache.file(CLOUDFLARE));
            }
        } catch (DiscoveryException e) {
            LOG.warnf("discovery: source=%s cache not used: %s", CLOUDFLARE, e.getMessage());
        }
    }

    private void refreshQuietly() {
        try {
            refresh(CLOUDFLARE);
        } catch (RuntimeException e) {
            LOG.errorf(e, "discovery: source=%s unexpected error, continuing", CLOUDFLARE);
        }
    }

    /** Runs {@code source} now and applies its result; the status afterwards. */
    public synchronized SourceStatus refresh(String source) {
        if (!CLOUDFLARE.equals(source) || cloudflare == null) {
            throw new IllegalArgumentException("discovery source not enabled: " + source);
        }
        DiscoveryResult result;
        try {
            result = cloudflare.run();
        } catch (DiscoveryException e) {
            return fail(redact(e.getMessage()));
        }
        Set<String> previous = registry.names(OriginRegistry.Source.DISCOVERY_CLOUDFLARE);
        return apply(result, previous);
    }

    /** All enabled sources, by name. */
    public synchronized List<SourceStatus> status() {
        return List.copyOf(status.values());
    }

    /** Applies {@code result}; {@code previous} (null for the cache at start) is what the guard compares with. */
    private SourceStatus apply(DiscoveryResult result, Set<String> previous) {
        OriginRegistry.Source source = OriginRegistry.Source.DISCOVERY_CLOUDFLARE;
        Map<String, String> taken = registry.namesOutside(source);
        for (DiscoveredOrigin d : result.origins()) {
            if (taken.containsKey(d.name())) {
                LOG.warnf(
                        "discovery: source=%s origin=%s name clash with %s, the configured origin wins",
                        CLOUDFLARE, d.name(), taken.get(d.name()));
            }
        }
        List<Skipped> skipped = new ArrayList<>(result.skipped());
        List<Origin> origins = loader.validateDiscovered(CLOUDFLARE, result.origins(), taken, skipped);
        if (previous != null) {
            Set<String> next = origins.stream().map(Origin::name).collect(Collectors.toSet());
            long removing = previous.stream().filter(n -> !next.contains(n)).count();
            if (RemovalGuard.refuses(previous.size(), (int) removing, settings.allowMassRemoval())) {
                return fail("result refused: it would remove " + removing + " of the " + previous.size()
                        + " discovered origins (more than half); set "
                        + "originwatch.discovery.cloudflare.allow-mass-removal=true to accept such a result");
            }
        }
        OriginRegistry.Change c = registry.apply(source, origins);
        SourceStatus s;
        if (previous == null) {
            s = new SourceStatus(CLOUDFLARE, null, null, origins.size(), skipped, c.added(), c.removed(), null);
            metrics.inForce(CLOUDFLARE, origins.size());
        } else {
            save(result);
            s = new SourceStatus(
                    CLOUDFLARE, Instant.now(), "success", origins.size(), skipped, c.added(), c.removed(), null);
            metrics.ran(CLOUDFLARE, true, origins.size());
            LOG.infof(
                    "discovery run: source=%s origins=%d skipped=%d added=%d removed=%d changed=%d",
                    CLOUDFLARE, origins.size(), skipped.size(), c.added(), c.removed(), c.changed());
        }
        status.put(CLOUDFLARE, s);
        return s;
    }

    private void save(DiscoveryResult result) {
        try {
            cache.save(CLOUDFLARE, result);
        } catch (IOException e) {
            LOG.warnf("discovery: source=%s cannot write the cache %s: %s", CLOUDFLARE, cache.file(CLOUDFLARE), e);
        }
    }

    private SourceStatus fail(String error) {
        SourceStatus last = status.getOrDefault(CLOUDFLARE, SourceStatus.notRunYet(CLOUDFLARE));
        int inForce = registry.names(OriginRegistry.Source.DISCOVERY_CLOUDFLARE).size();
        SourceStatus s = new SourceStatus(CLOUDFLARE, Instant.now(), "failure", inForce, last.skipped(), 0, 0, error);
        status.put(CLOUDFLARE, s);
        metrics.ran(CLOUDFLARE, false, inForce);
        LOG.warnf(
                "discovery run failed, the previous origins keep running: source=%s error=\"%s\"",
                CLOUDFLARE, error.replace("\"", "\\\""));
        return s;
    }

    /** Cuts the token out of a message (an API or proxy could echo the request back). */
    private String redact(String message) {
        String token = settings.apiToken();
        return token == null || token.isEmpty() ? message : message.replace(token, "<redacted>");
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
