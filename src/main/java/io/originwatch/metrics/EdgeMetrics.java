package io.originwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.originwatch.edge.allowlist.AllowlistListener;
import io.originwatch.edge.allowlist.AllowlistStatus;
import io.originwatch.edge.ranges.EdgeRangeListener;
import io.originwatch.edge.ranges.EdgeRanges;
import io.originwatch.edge.ranges.RefreshOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Edge range and allowlist metrics, fed by the plain services' listeners. Gauges read holders that
 * the listener updates, so a scrape never triggers a fetch or a drift computation.
 */
@ApplicationScoped
public class EdgeMetrics implements EdgeRangeListener, AllowlistListener {

    private static final List<String> RESULTS = List.of("updated", "unchanged", "rejected", "failed");

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> holders = new ConcurrentHashMap<>();

    public EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the provider's series up front so alerts see 0 instead of nothing. */
    public void bindProvider(String provider, BooleanSupplier stale) {
        for (String family : List.of("ipv4", "ipv6")) {
            Gauge.builder("originwatch.edge.ranges", holder("ranges", provider, family), AtomicLong::get)
                    .description("Number of CIDR blocks in the edge range list in force")
                    .tags("provider", provider, "family", family)
                    .register(registry);
        }
        Gauge.builder("originwatch.edge.ranges.last.success.timestamp", holder("success", provider), AtomicLong::get)
                .description(
                        "When the list in force was last fetched or confirmed by its source (Unix time; 0 = never, built-in snapshot)")
                .baseUnit("seconds")
                .tags("provider", provider)
                .register(registry);
        // strong reference: the supplier is a method reference nobody else holds; a weak one reads NaN after GC
        Gauge.builder("originwatch.edge.ranges.stale", stale, s -> s.getAsBoolean() ? 1 : 0)
                .description(
                        "1 when the list in force is the built-in snapshot or older than originwatch.edge.stale-after")
                .tags("provider", provider)
                .strongReference(true)
                .register(registry);
        RESULTS.forEach(r -> refreshes(provider, r));
        changes(provider, "added");
        changes(provider, "removed");
    }

    /** Registers one allowlist's series; up starts at 0 until its first successful check. */
    public void bindAllowlist(String name) {
        gauge(
                "originwatch.allowlist.missing.ranges",
                name,
                "CIDR blocks of the published ranges the allowlist does not admit (minimal list)");
        gauge(
                "originwatch.allowlist.extra.ranges",
                name,
                "CIDR blocks the allowlist admits outside every published range and outside its ignore list (minimal list)");
        gauge(
                "originwatch.allowlist.missing.addresses",
                name,
                "IPv4 addresses of the published ranges the allowlist does not admit");
        gauge(
                "originwatch.allowlist.up",
                name,
                "1 when the allowlist could be read and checked, 0 on a read or parse error");
    }

    @Override
    public void loaded(EdgeRanges ranges) {
        show(ranges);
    }

    @Override
    public void refreshed(String provider, RefreshOutcome outcome) {
        refreshes(provider, outcome.result()).increment();
        switch (outcome) {
            case RefreshOutcome.Updated u -> {
                show(u.ranges());
                changes(provider, "added").increment(u.diff().added().size());
                changes(provider, "removed").increment(u.diff().removed().size());
            }
            case RefreshOutcome.Unchanged u -> show(u.ranges());
            default -> {}
        }
    }

    @Override
    public void checked(AllowlistStatus s) {
        boolean up = s.state() != AllowlistStatus.State.ERROR;
        holder("originwatch.allowlist.up", s.name()).set(up ? 1 : 0);
        if (up) {
            holder("originwatch.allowlist.missing.ranges", s.name())
                    .set(s.missing().size());
            holder("originwatch.allowlist.extra.ranges", s.name()).set(s.extra().size());
            holder("originwatch.allowlist.missing.addresses", s.name())
                    .set(s.missingIpv4Addresses().longValueExact());
        }
    }

    private void show(EdgeRanges r) {
        holder("ranges", r.provider(), "ipv4").set(r.ipv4().size());
        holder("ranges", r.provider(), "ipv6").set(r.ipv6().size());
        holder("success", r.provider()).set(r.isSnapshot() ? 0 : r.fetchedAt().getEpochSecond());
    }

    private void gauge(String name, String allowlist, String help) {
        Gauge.builder(name, holder(name, allowlist), AtomicLong::get)
                .description(help)
                .tags("allowlist", allowlist)
                .register(registry);
    }

    private Counter refreshes(String provider, String result) {
        return Counter.builder("originwatch.edge.ranges.refreshes")
                .description("Edge range refreshes by result (updated|unchanged|rejected|failed)")
                .tags("provider", provider, "result", result)
                .register(registry);
    }

    private Counter changes(String provider, String change) {
        return Counter.builder("originwatch.edge.ranges.changes")
                .description("CIDR blocks added to or removed from the edge range list by accepted refreshes")
                .tags("provider", provider, "change", change)
                .register(registry);
    }

    private AtomicLong holder(String... key) {
        return holders.computeIfAbsent(String.join("\u0000", key), k -> new AtomicLong());
    }
}
