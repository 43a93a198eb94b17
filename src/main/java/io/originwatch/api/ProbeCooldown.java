package io.originwatch.api;

import io.originwatch.config.ApiConfig;
import io.originwatch.config.ApiSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one manual probe per origin per {@code originwatch.api.probe-cooldown}: each manual probe
 * also reaches the origin (and, with a via-edge URL, the CDN), so back-to-back calls must not turn the
 * API into a traffic generator. Scheduled probes never pass through here. Only configured origins
 * get an entry (the resource checks the name first), so the map is bounded by the origins.
 */
@ApplicationScoped
public class ProbeCooldown {

    @Inject
    ApiConfig config;

    private final Map<String, Long> lastAcceptedNanos = new ConcurrentHashMap<>();
    private long cooldownNanos;

    @PostConstruct
    void init() {
        // an invalid value is reported by the daemon's start-up check, which then exits
        cooldownNanos =
                ApiSettings.from(config, new ArrayList<>()).probeCooldown().toNanos();
    }

    /** Empty when the probe may go now (and the slot is taken); else how long to wait. */
    public Optional<Duration> acquire(String origin) {
        long cooldown = cooldownNanos;
        if (cooldown <= 0) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        long[] wait = {0};
        lastAcceptedNanos.compute(origin, (k, last) -> {
            if (last != null && now - last < cooldown) {
                wait[0] = cooldown - (now - last);
                return last;
            }
            return now;
        });
        return wait[0] == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait[0]));
    }

    /** Whole seconds to wait, at least 1: the {@code Retry-After} of a refused manual probe. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The detail of a refused manual probe's {@code probe_cooldown} error. */
    static String detail(String origin, long seconds) {
        return "origin " + origin + " was probed by hand less than originwatch.api.probe-cooldown ago;" + " retry in "
                + seconds + " s (scheduled probes go on)";
    }

    /** Forgets a removed origin. */
    public void forget(String origin) {
        lastAcceptedNanos.remove(origin);
    }
}
