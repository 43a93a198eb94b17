package io.originwatch.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A collector whose families can be written series by series, straight into the scrape page
 * ({@link MetricsPage}), without a {@link Sample} (and its label lists) per series: at 100,000
 * origins the per-origin families are 1.3 million series. It stays a registered Prometheus client
 * collector too, so the registry knows its names are taken and {@code registry.scrape()} still has
 * every series ({@link #collect()} builds them from the same {@link #samples} calls).
 */
abstract class StreamedCollector extends Collector implements Collector.Describable {

    /** The families, in the order they are written. */
    abstract List<Family> families();

    /** Passes every series of {@code families().get(family)} to {@code sink}, reading the state once per series. */
    abstract void samples(int family, SampleSink sink);

    /** What one scrape writes its families from, one {@link #samples} call per family. */
    @FunctionalInterface
    interface Scrape {
        void samples(int family, SampleSink sink);
    }

    /**
     * Called once per page, before its first family: by default each family reads the state anew
     * ({@link #samples}); a collector may read what every family needs once here instead.
     */
    Scrape scrape() {
        return this::samples;
    }

    @Override
    public final List<MetricFamilySamples> collect() {
        List<Family> families = families();
        List<MetricFamilySamples> collected = new ArrayList<>(families.size());
        Scrape scrape = scrape();
        for (int i = 0; i < families.size(); i++) {
            Family f = families.get(i);
            String sampleName = f.sampleName();
            List<Sample> samples = new ArrayList<>();
            scrape.samples(
                    i,
                    (l1, l2, l3, value) -> samples.add(new Sample(
                            sampleName, f.labelNames(), values(f.labelNames().size(), l1, l2, l3), value)));
            collected.add(f.withSamples(samples));
        }
        return collected;
    }

    private static List<String> values(int n, String l1, String l2, String l3) {
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(l1);
            case 2 -> List.of(l1, l2);
            default -> List.of(l1, l2, l3);
        };
    }

    /** The families without samples, so the registry knows these names are taken. */
    @Override
    public final List<MetricFamilySamples> describe() {
        return families().stream().map(f -> f.withSamples(List.of())).toList();
    }

    /**
     * Every sample name the registry holds for these families (as it registered them from
     * {@link #describe()}), so the registry's own page can leave this collector out.
     */
    final Set<String> registeredNames() {
        Set<String> names = new HashSet<>();
        for (MetricFamilySamples f : describe()) {
            names.addAll(List.of(getNames(f)));
        }
        return names;
    }

    /** As the Prometheus client names a family's samples when it registers a collector. */
    private static String[] getNames(MetricFamilySamples family) {
        String n = family.name;
        return switch (family.type) {
            case COUNTER -> new String[] {n + "_total", n + "_created", n};
            case SUMMARY -> new String[] {n + "_count", n + "_sum", n + "_created", n};
            case HISTOGRAM -> new String[] {n + "_count", n + "_sum", n + "_bucket", n + "_created", n};
            case GAUGE_HISTOGRAM -> new String[] {n + "_gcount", n + "_gsum", n + "_bucket", n};
            case INFO -> new String[] {n + "_info", n};
            default -> new String[] {n};
        };
    }
}
