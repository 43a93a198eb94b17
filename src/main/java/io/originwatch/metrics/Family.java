package io.originwatch.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import java.util.List;

/**
 * One metric family a {@link StreamedCollector} writes: its name, type and HELP text as the
 * Prometheus client knows them, and the names of its labels in the order they are written.
 *
 * @param name       the family's name; a counter's samples add {@code _total}
 * @param labelNames at most three, in the order written (Micrometer wrote them sorted)
 */
record Family(String name, Collector.Type type, String help, List<String> labelNames) {

    /** Labels a {@link SampleSink} passes: at most three values. */
    static final int MAX_LABELS = 3;

    Family {
        if (labelNames.size() > MAX_LABELS) {
            throw new IllegalArgumentException(name + ": at most " + MAX_LABELS + " labels");
        }
    }

    /** The name each sample has: {@code name_total} for a counter, the family's name otherwise. */
    String sampleName() {
        return type == Collector.Type.COUNTER ? name + "_total" : name;
    }

    MetricFamilySamples withSamples(List<Sample> samples) {
        return new MetricFamilySamples(name, type, help, samples);
    }
}
