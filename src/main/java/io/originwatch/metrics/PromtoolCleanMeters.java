package io.originwatch.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps /q/metrics clean for {@code promtool check metrics}. First, it drops the two JVM meters
 * whose Prometheus names promtool's lint rejects ({@code process_cpu_time_ns_total}: abbreviated
 * unit; {@code system_cpu_count}: a gauge ending in {@code _count}); their information is in
 * {@code process_cpu_usage} and the host's own exporters. Second, it makes every HELP line parseable. Some of Micrometer's own binders describe meters with double
 * quotes (e.g. process.cpu.time: The "cpu time" used by ...); the registry escapes them as
 * {@code \"}, which the Prometheus text format does not allow in HELP, so {@code promtool check
 * metrics} rejects the whole page. Quotes become apostrophes; the meters themselves are unchanged.
 */
@Singleton
public class PromtoolCleanMeters {

    @Produces
    @Singleton
    public MeterFilter lintFailingJvmMeters() {
        return MeterFilter.deny(
                id -> id.getName().equals("process.cpu.time") || id.getName().equals("system.cpu.count"));
    }

    @Produces
    @Singleton
    public MeterFilter quotesInHelp() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String d = id.getDescription();
                if (d == null || d.indexOf('"') < 0) {
                    return id;
                }
                return new Meter.Id(
                        id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), d.replace('"', '\''), id.getType());
            }
        };
    }
}
